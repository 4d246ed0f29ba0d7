import type { ServiceContext } from "../context";
import type { AnswerModelView } from "./schemas";
import { findModelSetting } from "./stored-setting";
import { toAnswerModelView } from "./views";

/** Which answer mode is active for the organization and why; the key is never part of it. */
export async function getAnswerModel(ctx: ServiceContext): Promise<AnswerModelView> {
  return toAnswerModelView(ctx, await findModelSetting(ctx));
}
