/** How every role-checked action refuses: the same codes, a message to show, and for a bug an id to quote to support. */
export type ActionFailure = {
  ok: false;
  error: { code: "invalid_input" | "unauthenticated" | "forbidden" | "internal"; message: string; errorId?: string };
};
