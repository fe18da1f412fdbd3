import { describe, expect, test } from '@jest/globals';
import { extractFindings, type ExtractedResult, MESSAGE_MAX, SNIPPET_MAX } from './sarif-findings.js';
import type { SarifLog, SarifRegion, SarifReportingDescriptor, SarifResult, SarifRun } from './sarif-types.js';
import { validateSarif } from './sarif-validator.js';

// Logs written by hand from the SARIF 2.1.0 spec. Each goes through validateSarif first, as in ingestion,
// so that every one of them is a log the schema accepts.
const at = (uri: string, region: Record<string, unknown> = { startLine: 1 }) => [
  { physicalLocation: { artifactLocation: { uri }, region } },
];
const res = (extra: Partial<SarifResult> = {}): SarifResult => ({ ruleId: 'R1', message: { text: 'Problem here' }, ...extra });
const runOf = (results: SarifResult[], extra: Partial<SarifRun> = {}, rules?: SarifReportingDescriptor[]): SarifRun => ({
  tool: { driver: { name: 'Tool', version: '1.2.3', ...(rules ? { rules } : {}) } },
  results,
  ...extra,
});
const logOf = (...runs: SarifRun[]): SarifLog => validateSarif({ version: '2.1.0', runs });
const results = (...r: SarifResult[]): ExtractedResult[] => extractFindings(logOf(runOf(r)))[0].results;
const one = (r: SarifResult, rules?: SarifReportingDescriptor[]): ExtractedResult =>
  extractFindings(logOf(runOf([r], {}, rules)))[0].results[0];

describe('extractFindings', () => {
  test('a minimal result', () => {
    const [run] = extractFindings(
      logOf(runOf([res({ level: 'error', locations: at('src/app.ts', { startLine: 3, startColumn: 5, endColumn: 9 }) })])),
    );
    expect(run.tool).toEqual({ name: 'Tool', version: '1.2.3' });
    expect(run.rules).toEqual([]);
    expect(run.results).toEqual([
      {
        ruleId: 'R1',
        level: 'error',
        severity: 'high',
        message: 'Problem here',
        path: 'src/app.ts',
        startLine: 3,
        startColumn: 5,
        endLine: 3,
        endColumn: 9,
        snippet: null,
        fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
        fingerprintSource: 'computed',
        suppressed: false,
      },
    ]);
  });

  test('a result without location, and a run without results', () => {
    expect(one(res())).toMatchObject({ path: null, startLine: null, startColumn: null, endLine: null, endColumn: null, snippet: null });
    expect(extractFindings(logOf({ tool: { driver: { name: 'Empty' } } }))).toEqual([
      { tool: { name: 'Empty', version: null }, rules: [], results: [] },
    ]);
  });

  test('a path escaping the root is null, and the result is still extracted', () => {
    expect(one(res({ locations: at('../../etc/passwd', { startLine: 4 }) }))).toMatchObject({ path: null, startLine: 4, ruleId: 'R1' });
  });

  describe('rule id', () => {
    const rules = [{ id: 'first' }, { id: 'second' }];
    test.each([
      ['result.ruleId', res({ ruleId: 'own', ruleIndex: 1 }), 'own'],
      ['rules[ruleIndex].id', res({ ruleId: undefined, ruleIndex: 1 }), 'second'],
      ['rules[rule.index].id', res({ ruleId: undefined, rule: { index: 0 } }), 'first'],
      ['rule.id', res({ ruleId: undefined, rule: { id: 'referenced' } }), 'referenced'],
      ['rule.id, hierarchical, as written', res({ ruleId: undefined, rule: { id: 'second/sub' } }), 'second/sub'],
      ['unknown', res({ ruleId: undefined }), 'unknown'],
    ])('from %s', (_, result, ruleId) => expect(one(result, rules).ruleId).toBe(ruleId));

    test('a rule of an extension, by its tool component', () => {
      const log = logOf({
        tool: {
          driver: { name: 'CodeQL', rules: [{ id: 'driver-rule' }] },
          extensions: [{ name: 'js-queries', rules: [{ id: 'js/xss', defaultConfiguration: { level: 'error' } }] }],
        },
        results: [
          res({ ruleId: undefined, rule: { index: 0, toolComponent: { index: 0 } } }),
          res({ ruleId: undefined, rule: { index: 0, toolComponent: { name: 'js-queries' } } }),
        ],
      });
      const [run] = extractFindings(log);
      expect(run.results.map((r) => [r.ruleId, r.level])).toEqual([
        ['js/xss', 'error'],
        ['js/xss', 'error'],
      ]);
      expect(run.rules.map((r) => r.ruleId)).toEqual(['driver-rule', 'js/xss']);
    });

    test('a hierarchical rule id finds its rule (§3.27.5)', () => {
      expect(one(res({ ruleId: 'CA2101/1' }), [{ id: 'CA2101', defaultConfiguration: { level: 'note' } }]).level).toBe('note');
    });
  });

  describe('level', () => {
    test.each([
      ['its own', res({ level: 'note' }), [{ id: 'R1', defaultConfiguration: { level: 'error' as const } }], 'note'],
      ["its rule's default", res(), [{ id: 'R1', defaultConfiguration: { level: 'error' as const } }], 'error'],
      ['warning when neither says', res(), [{ id: 'R1' }], 'warning'],
      [
        'none for a result that is not a failure',
        res({ kind: 'review' }),
        [{ id: 'R1', defaultConfiguration: { level: 'error' as const } }],
        'none',
      ],
    ])('%s', (_, result, rules, level) => expect(one(result, rules).level).toBe(level));

    test.each([
      ['error', 'high'],
      ['warning', 'medium'],
      ['note', 'low'],
      ['none', 'info'],
    ] as const)('%s without security-severity is %s', (level, severity) => expect(one(res({ level })).severity).toBe(severity));
  });

  test.each([
    ['10.0', 'critical'],
    ['9.0', 'critical'],
    ['8.9', 'high'],
    ['7.0', 'high'],
    ['6.9', 'medium'],
    ['4.0', 'medium'],
    ['3.9', 'low'],
    ['0.1', 'low'],
    ['0.0', 'info'],
    ['0', 'info'],
    // Not a score from 0 to 10: the level decides (note is low).
    ['10.1', 'low'],
    ['-1', 'low'],
    ['high', 'low'],
    ['', 'low'],
  ])("a rule's security-severity of %p is %s", (score, severity) => {
    expect(one(res({ level: 'note' }), [{ id: 'R1', properties: { 'security-severity': score } }]).severity).toBe(severity);
  });

  test("a result's own security-severity comes before its rule's", () => {
    const rules = [{ id: 'R1', properties: { 'security-severity': '2.0' } }];
    expect(one(res({ properties: { 'security-severity': '9.8' } }), rules).severity).toBe('critical');
  });

  test('results that report no problem are not findings', () => {
    expect(
      results(res({ kind: 'pass' }), res({ kind: 'notApplicable' }), res({ baselineState: 'absent' }), res({ kind: 'open' })).map(
        (r) => r.level,
      ),
    ).toEqual(['none']);
  });

  test('suppressed results are marked', () => {
    expect(
      results(
        res({ suppressions: [{ kind: 'inSource' }] }),
        res({ suppressions: [{ kind: 'external', status: 'accepted' }] }),
        res({ suppressions: [{ kind: 'external', status: 'rejected' }] }),
        res({ suppressions: [] }),
        res(),
      ).map((r) => r.suppressed),
    ).toEqual([true, true, false, false, false]);
  });

  describe('message', () => {
    test('its text, else its Markdown, else the message string it names, else the rule description', () => {
      const rules: SarifReportingDescriptor[] = [
        { id: 'R1', shortDescription: { text: 'Short' }, messageStrings: { default: { text: 'Value {0} flows to {1} ({{literal}})' } } },
      ];
      expect(one(res({ message: { text: 'Text', markdown: '**Md**' } }), rules).message).toBe('Text');
      expect(one(res({ message: { markdown: '**Md**', id: 'default' } }), rules).message).toBe('**Md**');
      expect(one(res({ message: { id: 'default', arguments: ['x', 'eval'] } }), rules).message).toBe('Value x flows to eval ({literal})');
      expect(one(res({ message: { id: 'constructor' } }), rules).message).toBe('Short');
      expect(one(res({ message: { id: 'missing' } }), [{ id: 'R1' }]).message).toBe('R1');
    });

    test('placeholders are filled in text only when there are arguments', () => {
      expect(one(res({ message: { text: 'Use {0} here {2}', arguments: ['a'] } })).message).toBe('Use a here {2}');
      expect(one(res({ message: { text: 'Object {0} literal {}' } })).message).toBe('Object {0} literal {}');
    });

    test('cut to its maximum, never within a surrogate pair', () => {
      expect(one(res({ message: { text: 'x'.repeat(MESSAGE_MAX + 10) } })).message).toHaveLength(MESSAGE_MAX);
      const emoji = `${'x'.repeat(MESSAGE_MAX - 1)}😀`;
      expect(one(res({ message: { text: emoji } })).message).toBe('x'.repeat(MESSAGE_MAX - 1));
    });
  });

  test('snippet from the region, else the context region, cut to its maximum', () => {
    const physical = (region: SarifRegion, contextRegion?: SarifRegion) => [
      { physicalLocation: { artifactLocation: { uri: 'a.js' }, region, ...(contextRegion ? { contextRegion } : {}) } },
    ];
    expect(
      one(res({ locations: physical({ startLine: 2, snippet: { text: 'eval(x)' } }, { startLine: 1, snippet: { text: 'ctx' } }) })).snippet,
    ).toBe('eval(x)');
    expect(one(res({ locations: physical({ startLine: 2 }, { startLine: 1, snippet: { text: 'ctx' } }) })).snippet).toBe('ctx');
    expect(one(res({ locations: physical({ startLine: 2, snippet: { text: 'y'.repeat(SNIPPET_MAX * 2) } }) })).snippet).toHaveLength(
      SNIPPET_MAX,
    );
  });

  test('rules: tags, CWE ids, help, links, security-severity', () => {
    const [rule] = extractFindings(
      logOf(
        runOf([], {}, [
          {
            id: 'js/xss',
            name: 'Xss',
            shortDescription: { text: 'Cross-site scripting' },
            fullDescription: { text: 'Writing user input to the page…' },
            help: { text: 'Escape it.', markdown: '**Escape** it.' },
            helpUri: 'https://codeql.github.com/codeql-query-help/javascript/js-xss/',
            defaultConfiguration: { level: 'error' },
            properties: {
              tags: ['security', 'external/cwe/cwe-079', 'external/cwe/cwe-116', 'CWE-79', 'CWE-89: Improper Neutralization', 'cwe'],
              'security-severity': '6.1',
            },
          },
        ]),
      ),
    )[0].rules;
    expect(rule).toEqual({
      ruleId: 'js/xss',
      name: 'Xss',
      shortDescription: 'Cross-site scripting',
      fullDescription: 'Writing user input to the page…',
      helpText: 'Escape it.',
      helpUri: 'https://codeql.github.com/codeql-query-help/javascript/js-xss/',
      tags: ['security', 'external/cwe/cwe-079', 'external/cwe/cwe-116', 'CWE-79', 'CWE-89: Improper Neutralization', 'cwe'],
      cwe: ['CWE-79', 'CWE-116', 'CWE-89'],
      securitySeverity: 6.1,
      defaultLevel: 'error',
    });
  });

  test('a rule with nothing but its id; Markdown help; links that are not web links are dropped', () => {
    const rulesOf = (rules: SarifReportingDescriptor[]) => extractFindings(logOf(runOf([], {}, rules)))[0].rules;
    const [bare, markdown, script, prose] = rulesOf([
      { id: 'bare' },
      { id: 'md', help: { text: '', markdown: 'x' } },
      { id: 'js', helpUri: 'javascript:alert(1)' },
      { id: 'eslint', helpUri: 'Please see details in message' },
    ]);
    expect(bare).toEqual({
      ruleId: 'bare',
      name: null,
      shortDescription: null,
      fullDescription: null,
      helpText: null,
      helpUri: null,
      tags: [],
      cwe: [],
      securitySeverity: null,
      defaultLevel: null,
    });
    expect(markdown.helpText).toBe('');
    expect([script.helpUri, prose.helpUri]).toEqual([null, null]);
  });

  test('toolFilter keeps the runs of the tools it names', () => {
    const log = logOf(runOf([res()]), { tool: { driver: { name: 'Other' } }, results: [res()] });
    expect(extractFindings(log).map((r) => r.tool.name)).toEqual(['Tool', 'Other']);
    expect(extractFindings(log, { toolFilter: ['Other'] }).map((r) => r.tool.name)).toEqual(['Other']);
    expect(extractFindings(log, { toolFilter: [] })).toEqual([]);
  });
});

describe('fingerprints', () => {
  const snippetAt = (startLine: number, text: string, uri = 'src/app.js') => at(uri, { startLine, startColumn: 3, snippet: { text } });

  test('an edit above a finding (another line, the same snippet) keeps its fingerprint', () => {
    const before = one(res({ locations: snippetAt(10, 'eval(userInput);') }));
    const after = one(res({ locations: snippetAt(14, 'eval(userInput);') }));
    const reindented = one(res({ locations: snippetAt(14, '    eval(userInput);\n') }));
    expect(after.startLine).toBe(14);
    expect(after.fingerprint).toBe(before.fingerprint);
    expect(reindented.fingerprint).toBe(before.fingerprint);
    expect(before.fingerprintSource).toBe('computed');
  });

  test('without a snippet, the message stands for the matched text', () => {
    const a = one(res({ message: { text: "'key' is  unused." }, locations: at('src/a.js', { startLine: 3 }) }));
    const b = one(res({ message: { text: "'key' is unused." }, locations: at('src/a.js', { startLine: 30 }) }));
    expect(b.fingerprint).toBe(a.fingerprint);
  });

  test('what a finding is about changes it: the text, the file, the rule, the tool', () => {
    const base = one(res({ locations: snippetAt(1, 'eval(a)') }));
    const others = [
      one(res({ locations: snippetAt(1, 'eval(b)') })),
      one(res({ locations: snippetAt(1, 'eval(a)', 'src/other.js') })),
      one(res({ ruleId: 'R2', locations: snippetAt(1, 'eval(a)') })),
      extractFindings(logOf({ tool: { driver: { name: 'Another' } }, results: [res({ locations: snippetAt(1, 'eval(a)') })] }))[0]
        .results[0],
    ];
    for (const other of others) expect(other.fingerprint).not.toBe(base.fingerprint);
  });

  test("the tool's partialFingerprints are used when present, in any key order", () => {
    const partial = { primaryLocationLineHash: 'abc123:1', primaryLocationStartColumnFingerprint: '4' };
    const a = one(res({ partialFingerprints: partial, locations: snippetAt(1, 'one text') }));
    const b = one(
      res({
        partialFingerprints: { primaryLocationStartColumnFingerprint: '4', primaryLocationLineHash: 'abc123:1' },
        message: { text: 'Another message' },
        locations: snippetAt(99, 'another text', 'moved.js'),
      }),
    );
    expect(a.fingerprintSource).toBe('partial');
    expect(b.fingerprint).toBe(a.fingerprint);
    expect(one(res({ partialFingerprints: { primaryLocationLineHash: 'other:1' } })).fingerprint).not.toBe(a.fingerprint);
  });

  test('fingerprints are used only when there are no partialFingerprints', () => {
    const full = one(res({ fingerprints: { 'stable/v1': 'f00d' } }));
    expect(full.fingerprintSource).toBe('partial');
    expect(one(res({ fingerprints: { 'stable/v1': 'f00d' }, message: { text: 'changed' } })).fingerprint).toBe(full.fingerprint);
    expect(one(res({ fingerprints: { 'stable/v1': 'f00d' }, partialFingerprints: { k: 'v' } })).fingerprint).not.toBe(full.fingerprint);
    // Empty ones are as good as none.
    expect(one(res({ partialFingerprints: {} })).fingerprintSource).toBe('computed');
  });

  test('identical results in one file each get their own fingerprint, numbered in the order of the run', () => {
    const found = results(
      res({ locations: snippetAt(3, 'eval(x)') }),
      res({ locations: snippetAt(8, 'eval(y)') }),
      res({ locations: snippetAt(12, 'eval(x)') }),
      res({ locations: snippetAt(20, 'eval(x)') }),
    );
    const [first, other, second, third] = found.map((r) => r.fingerprint);
    expect(new Set(found.map((r) => r.fingerprint)).size).toBe(4);
    expect(second).toBe(`${first}#2`);
    expect(third).toBe(`${first}#3`);
    expect(other).toMatch(/^[0-9a-f]{64}$/);
    // The same tool's partial fingerprints can repeat too.
    const repeated = results(res({ partialFingerprints: { k: 'v' } }), res({ partialFingerprints: { k: 'v' } }));
    expect(repeated[1].fingerprint).toBe(`${repeated[0].fingerprint}#2`);
  });

  test('numbering is per run', () => {
    const r = () => res({ locations: snippetAt(3, 'eval(x)') });
    const runs = extractFindings(logOf(runOf([r(), r()]), runOf([r()])));
    expect(runs[1].results[0].fingerprint).toBe(runs[0].results[0].fingerprint);
  });
});
