/** An answer a provider handler has decided on, before any fault garbles or withholds it. */
export type Reply = { status: number; body: unknown; headers?: Readonly<Record<string, string | number>> };
