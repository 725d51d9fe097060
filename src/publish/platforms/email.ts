/**
 * E-mail over SMTP with nodemailer (loaded only when an e-mail channel publishes): the adapter's
 * subject, a text and an HTML body, local images attached (inline in the HTML), a Message-ID
 * derived from the post so a resend is recognisable as the same message. SMTP cannot be asked
 * whether a message went out: after a crash mid-send the post is `uncertain`, never resent.
 */
import { createHash } from "node:crypto";
import { resolve } from "node:path";
import { permanent, PublishFailure, uncertainFate } from "../errors.js";
import { emailSettings, type EmailSettings } from "../../config/publish-settings.js";
import type { Publisher } from "../types.js";
import { mediaPathProblem } from "../../calendar/load.js";

interface Transport {
  sendMail(message: Record<string, unknown>): Promise<{ messageId?: string; response?: string }>;
  close(): void;
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The body as HTML: paragraphs, line breaks, links clickable, images inline by their cid. */
function html(text: string, images: Array<{ cid: string; alt?: string }>): string {
  const linked = (line: string) => escapeHtml(line).replace(/https?:\/\/[^\s<]+[^\s<.,;:!?)]/g, (url) => `<a href="${url}">${url}</a>`);
  const paragraphs = text.split(/\n{2,}/).map((p) => `<p>${p.split("\n").map(linked).join("<br>")}</p>`);
  const pictures = images.map((i) => `<p><img src="cid:${i.cid}" alt="${escapeHtml(i.alt ?? "")}"></p>`);
  return `<!doctype html><html><body>${[...paragraphs, ...pictures].join("\n")}</body></html>`;
}

/** The domain of the From address, for the Message-ID. */
function domainOf(from: string): string {
  return /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? "failover.invalid";
}

export function messageIdFor(channel: string, postId: string, at: number, from: string): string {
  const hash = createHash("sha256").update(`${channel}\0${postId}\0${at}`).digest("hex").slice(0, 24);
  return `<failover.${hash}@${domainOf(from)}>`;
}

/** SMTP's answer to a failure: 5xx refused for good, 4xx try later; no connection, nothing was sent. */
function smtpFailure(error: unknown): PublishFailure {
  const e = error as { responseCode?: number; response?: string; code?: string; message?: string };
  const message = `SMTP: ${e.response ?? e.message ?? String(error)}`.split("\n")[0]!;
  if (e.responseCode && e.responseCode >= 500) {
    return new PublishFailure("permanent", message, e.code === "EAUTH" ? { hint: "the SMTP server refused the login: check the user and password in the smtp URL" } : {});
  }
  const notSent = e.code === "ECONNECTION" || e.code === "EDNS" || e.code === "ESOCKET" && /ECONNREFUSED/.test(e.message ?? "");
  return new PublishFailure("transient", message, { maybeSent: !notSent && (e.responseCode === undefined || e.code === "ETIMEDOUT") });
}

export const emailPublisher: Publisher<EmailSettings, Transport> = {
  platform: "email",
  settings: emailSettings,
  recovery: "unknown",
  async session(ctx) {
    const nodemailer = (await import("nodemailer")).default;
    return nodemailer.createTransport(ctx.settings.smtp, { from: ctx.settings.from }) as unknown as Transport;
  },
  async close(transport) {
    transport.close();
  },
  async publish(ctx) {
    const attachments: Array<Record<string, unknown>> = [];
    const inline: Array<{ cid: string; alt?: string }> = [];
    for (const [i, m] of ctx.rendered.media.entries()) {
      if (/^https?:\/\//i.test(m.path)) continue; // linked in the text by the adapter's list
      const problem = mediaPathProblem(m.path);
      if (problem) throw permanent(problem);
      const cid = `media${i}.${ctx.post.id}@failover`;
      attachments.push({ path: resolve(ctx.baseDir, m.path), cid });
      if (m.kind === "image") inline.push({ cid, ...(m.alt ? { alt: m.alt } : {}) });
    }
    const text = ctx.parts.join("\n\n");
    const messageId = messageIdFor(ctx.channel, ctx.post.id, ctx.post.at, ctx.settings.from);
    const sent = await ctx.step("send", async (again) => {
      if (again) throw uncertainFate(`an earlier run began sending this at ${again.at} and stopped before the answer; an SMTP server cannot be asked whether it went out (look for Message-ID ${messageId})`);
      try {
        const info = await ctx.session.sendMail({
          from: ctx.settings.from,
          to: ctx.settings.to,
          ...(ctx.settings.replyTo ? { replyTo: ctx.settings.replyTo } : {}),
          subject: ctx.rendered.title ?? text.split("\n")[0]!.slice(0, 78),
          text,
          html: html(text, inline),
          messageId,
          date: new Date(ctx.now),
          attachments,
        });
        return { id: info.messageId ?? messageId };
      } catch (error) {
        throw smtpFailure(error);
      }
    });
    return { remoteId: sent.id };
  },
};
