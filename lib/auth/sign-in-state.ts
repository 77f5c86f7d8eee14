/** What the sign-in form shows after an attempt: the error, and the email typed so it need not be typed again. */
export type SignInState = { error: string | null; email: string };
