import type { DefaultSession } from "next-auth";
import type { Role } from "./roles";

declare module "next-auth" {
  interface User {
    role?: Role;
  }
  interface Session {
    user: { id: string; role: Role } & DefaultSession["user"];
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: Role;
    /** The server-side session this cookie names (the `sessions` table). */
    sid?: string;
  }
}
