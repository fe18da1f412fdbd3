import { AppError } from './app-error.js';
import { registerQuerySynonym, resolveQuerySynonyms } from './query-lists.js';

class BaseQuery {
  limit?: number;
}
class ListQuery extends BaseQuery {
  clusterName?: string;
}
registerQuerySynonym(BaseQuery.prototype, 'pageSize', 'limit');
registerQuerySynonym(ListQuery.prototype, 'cluster_name', 'clusterName');

describe('resolveQuerySynonyms', () => {
  test('renames an alias to its property, inherited ones included, and leaves the rest', () => {
    expect(resolveQuerySynonyms(ListQuery, { cluster_name: 'a', pageSize: '5', q: 'x' })).toEqual({ clusterName: 'a', limit: '5', q: 'x' });
    expect(resolveQuerySynonyms(ListQuery, { clusterName: 'a', cluster_name: 'a' })).toEqual({ clusterName: 'a' });
  });

  test('a class without synonyms gets its query untouched', () => {
    const query = { cluster_name: 'a' };
    expect(resolveQuerySynonyms(class Other {}, query)).toBe(query);
  });

  test('refuses an alias and its property with different values', () => {
    expect(() => resolveQuerySynonyms(ListQuery, { clusterName: 'a', cluster_name: 'b' })).toThrow(
      expect.objectContaining({
        status: 400,
        validationErrors: [expect.objectContaining({ field: 'cluster_name', code: 'CONFLICTING_PARAMETERS' })],
      }) as AppError,
    );
  });
});
