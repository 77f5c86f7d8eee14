/** Both drivers answer raw SQL (`db.execute`) with `{ rows }`; Drizzle's shared database type leaves it unknown. */
export const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;
