import { redirect } from "next/navigation";
import type { AuthFailure } from "@/lib/auth/require-role";

/** What a page shows when its role check refuses: a signed-out visitor signs in, anyone else reads why. */
export function RefusedPage({ title, error }: { title: string; error: AuthFailure }) {
  if (error.code === "unauthenticated") redirect("/login");
  return (
    <main className="page">
      <h1>{title}</h1>
      <p role="alert">{error.message}</p>
    </main>
  );
}
