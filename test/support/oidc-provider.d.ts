/** The few parts of oidc-provider (which ships no types) that the tests' issuer uses. */
declare module "oidc-provider" {
  import type { IncomingMessage, ServerResponse } from "node:http";

  type Claims = Record<string, unknown>;
  type Account = { accountId: string; claims: (use: string, scope: string) => Promise<Claims> };

  interface Grant {
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    save(): Promise<string>;
  }

  interface KoaContext {
    oidc: {
      client?: { clientId: string };
      session?: { accountId?: string; grantIdFor(clientId: string): string | undefined };
      result?: { consent?: { grantId?: string } };
      provider: Provider;
    };
  }

  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown> & { findAccount?: (ctx: KoaContext, id: string) => Promise<Account | undefined> });
    callback(): (request: IncomingMessage, response: ServerResponse) => void;
    Grant: { new (properties: { accountId?: string; clientId?: string }): Grant; find(id: string): Promise<Grant | undefined> };
  }
  export type { KoaContext };
}
