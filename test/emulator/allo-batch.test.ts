import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "@/emulator/server";
import { AlloTestClient } from "./support/allo-client";
import { AlloContract, operations } from "./support/allo-contract";
import { representativeItems, testDataOptions, testFixture } from "./support/test-data";

let emulator: RunningEmulator;
let allo: AlloTestClient;
const contract = new AlloContract();
const items = representativeItems(testFixture());

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, ...testDataOptions, providers: ["allo"], rateLimits: false });
  allo = AlloTestClient.as(emulator.url, "redline");
});

afterAll(async () => {
  await emulator.close();
});

describe("POST /v2/api/conversations/items/batch", () => {
  it("answers the items asked for, in order, each as GET item shows it; unknown ids are left out", async () => {
    const ids = [items.shortOnly.id, "cll-zzzzzzzzzz", items.sms.id, items.classicOnly.id];
    const result = await allo.batch({ ids });
    expect(result.status).toBe(200);
    expect(contract.problems(operations.batch, 200, result.json)).toEqual([]);
    expect(result.body.data.map((item) => item.id)).toEqual([items.shortOnly.id, items.sms.id, items.classicOnly.id]);
    expect(result.body.data[0]).toEqual((await allo.getItem(items.shortOnly.id)).body.data);
  });

  it("answers 400 BATCH_TOO_LARGE past 100 ids", async () => {
    const result = await allo.batch({ ids: Array.from({ length: 101 }, (_, i) => `cll-${String(i).padStart(10, "0")}`) });
    expect(result.status).toBe(400);
    expect(result.error).toMatchObject({ code: "BATCH_TOO_LARGE", param: "ids" });
    expect(contract.problems(operations.batch, 400, result.json)).toEqual([]);
  });

  it("answers 400 INVALID_REQUEST_BODY without ids, 401 without a key", async () => {
    const result = await allo.batch({});
    expect(result.status).toBe(400);
    expect(result.error.code).toBe("INVALID_REQUEST_BODY");
    const anonymous = await new AlloTestClient(emulator.url, null).batch({ ids: [] });
    expect(anonymous.status).toBe(401);
    expect(contract.problems(operations.batch, 401, anonymous.json)).toEqual([]);
  });
});
