/**
 * A context's permissions, in its `<name>.permissions.ts`: `<resource>.<action>` to what it allows,
 * in words an administrator reads when building a role.
 */
export type PermissionSet = Readonly<Record<`${string}.${string}`, string>>;

export const definePermissions = <const T extends PermissionSet>(permissions: T): T => permissions;
