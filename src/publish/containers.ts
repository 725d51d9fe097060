/**
 * Threads' and Instagram's two-step publishing under the journal, so that a killed run never
 * makes a second post: the container's id is recorded (step `container<i>`) before the publish
 * call (step `publish<i>`). A rerun finds the id and asks the container's status: PUBLISHED means
 * the killed run's publish went through (its post is looked up among the account's latest by its
 * text), FINISHED means it did not (the same container is published now, never a new one). A
 * container created but never recorded publishes nothing: it expires unseen (24 h).
 */
import { PublishFailure, permanent, uncertainFate } from "./errors.js";
import { graph, waitForContainer, type ContainerApi, type GraphCall } from "./graph.js";
import type { Step } from "./types.js";

export interface ContainerFlow extends ContainerApi {
  step: Step;
  /** Creates the container(s) for part `i` (children first for a carousel); returns the parent's id. */
  create(i: number): Promise<string>;
  /** POST …_publish with creation_id; returns the new post's id. */
  publish(containerId: string): Promise<string>;
  /** The post with this text among the account's latest, if any (after a crash, to learn the id). */
  findPublished(text: string): Promise<string | undefined>;
  /** The post's public URL ("" when the platform will not say). */
  permalink(id: string): Promise<string>;
}

/** Part `i` through its container: its post's id and URL. */
export async function publishThroughContainer(flow: ContainerFlow, i: number, text: string): Promise<{ id: string; url: string }> {
  const { id: containerId } = await flow.step(`container${i}`, async () => ({ id: await flow.create(i) }));
  return flow.step(`publish${i}`, async (again) => {
    const status = await waitForContainer(flow, containerId);
    if (status === "EXPIRED") throw permanent(`${flow.platform} container ${containerId} expired before it was published (containers live 24 h)`, "clear the post's status to send it again");
    let id: string | undefined;
    if (status === "PUBLISHED") {
      // A killed run's publish went through: the post is out; find its id, never publish again.
      id = await flow.findPublished(text);
      if (!id) throw uncertainFate(`an earlier run published container ${containerId} (${again ? `begun ${again.at}` : "status PUBLISHED"}) and the post could not be found among the account's latest`);
    } else {
      id = await flow.publish(containerId);
    }
    const url = await flow.permalink(id).catch((error: unknown) => (error instanceof PublishFailure && error.kind === "permanent" ? "" : Promise.reject(error)));
    return { id, url };
  });
}

/** Where Threads and Instagram differ in the calls around a container (names of edges and fields). */
export interface ContainerEdges {
  /** `threads` or `media`: where containers are made and the account's posts listed. */
  edge: string;
  /** `threads_publish` or `media_publish`. */
  publishEdge: string;
  /** `status` (Threads) or `status_code` (Instagram). */
  statusField: string;
  /** `text` (Threads) or `caption` (Instagram). */
  textField: string;
}

/** The status, publish, look-up and permalink calls of a container flow, for one account. */
export function containerCalls(call: GraphCall, base: string, userId: string, e: ContainerEdges): Pick<ContainerFlow, "status" | "publish" | "findPublished" | "permalink"> {
  return {
    status: async (id) => {
      const r = await graph<Record<string, string | undefined>>(call, "GET", `${base}/${id}`, { fields: `${e.statusField},${e.statusField === "status" ? "error_message" : "status"}` }, "read the container's status");
      const error = e.statusField === "status" ? r.error_message : r.status;
      return { status: r[e.statusField] ?? "", ...(error ? { error } : {}) };
    },
    publish: async (id) => (await graph<{ id: string }>(call, "POST", `${base}/${userId}/${e.publishEdge}`, { creation_id: id }, `publish on ${call.platform}`)).id,
    findPublished: async (text) =>
      (await graph<{ data: Array<Record<string, string>> }>(call, "GET", `${base}/${userId}/${e.edge}`, { fields: `id,${e.textField}`, limit: "10" }, "list the latest posts")).data.find((p) => p[e.textField] === text)?.id,
    permalink: async (id) => (await graph<{ permalink?: string }>(call, "GET", `${base}/${id}`, { fields: "permalink" }, "read the permalink")).permalink ?? "",
  };
}
