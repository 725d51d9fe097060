/** Which of a post's media a platform can take: values (problems, warnings), never exceptions. */
import type { Media } from "../calendar/schema.js";
import { countGraphemes, utf16Length } from "../text/count.js";
import { fit } from "../text/fit.js";
import type { AltLimit, MediaOut, MediaRules } from "./types.js";

type Kind = Media["kind"];

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
const KIND_NAME: Record<Kind, [string, string]> = { image: ["image", "images"], video: ["video", "videos"], gif: ["GIF", "GIFs"] };
const describe = (kind: Kind, n: number): string => plural(n, ...KIND_NAME[kind]);

export interface MediaFit {
  media: MediaOut[];
  problems: string[];
  warnings: string[];
}

export function fitMedia(items: readonly Media[], rules: MediaRules, platformName: string): MediaFit {
  const problems: string[] = [];
  const warnings: string[] = [];
  // A GIF is its own kind only where the platform says so; elsewhere it travels as an image.
  const kindOf = (m: Media): Kind => (m.kind === "gif" && rules.maxGifs === undefined ? "image" : m.kind);
  const max: Record<Kind, number> = { image: rules.maxImages, video: rules.maxVideos, gif: rules.maxGifs ?? rules.maxImages };

  let kept = [...items];
  if (!rules.mixing && new Set(kept.map(kindOf)).size > 1) {
    const first = kindOf(kept[0]!);
    const left = kept.filter((m) => kindOf(m) !== first);
    kept = kept.filter((m) => kindOf(m) === first);
    warnings.push(`${platformName} takes one kind of media per post: kept the ${KIND_NAME[first][1]}, left out ${left.map((m) => m.path).join(", ")}`);
  }
  for (const kind of ["image", "video", "gif"] as const) {
    const ofKind = kept.filter((m) => kindOf(m) === kind);
    if (ofKind.length > max[kind]) {
      const dropped = ofKind.slice(max[kind]);
      kept = kept.filter((m) => !dropped.includes(m));
      warnings.push(
        max[kind] === 0
          ? `${platformName} takes no ${KIND_NAME[kind][1]}: left out ${dropped.map((m) => m.path).join(", ")}`
          : `${platformName} takes at most ${describe(kind, max[kind])}: kept the first ${max[kind]}, left out ${dropped.map((m) => m.path).join(", ")}`,
      );
    }
  }
  if (kept.length > rules.maxItems) {
    const dropped = kept.slice(rules.maxItems);
    kept = kept.slice(0, rules.maxItems);
    warnings.push(`${platformName} takes at most ${plural(rules.maxItems, "item")}: left out ${dropped.map((m) => m.path).join(", ")}`);
  }

  if (rules.requiredKind === "video" && !kept.some((m) => m.kind === "video")) {
    problems.push(`${platformName} needs a video; the post has ${items.length === 0 ? "no media" : items.map((m) => KIND_NAME[m.kind][0]).join(", ")}`);
  } else if (rules.required && kept.length === 0) {
    problems.push(`${platformName} needs an image or a video; the post has no media`);
  }
  if (!rules.altText && kept.some((m) => m.alt)) warnings.push(`${platformName} has no alt text field: the descriptions are not carried`);

  return {
    media: kept.map((m) => {
      const alt = m.alt && rules.altText ? fitAlt(m, rules.altLimit, platformName, warnings) : undefined;
      return { path: m.path, kind: m.kind, ...(alt ? { alt } : {}) };
    }),
    problems,
    warnings,
  };
}

/** An alt text within the platform's limit: a longer one is shortened at a word, with a warning. */
function fitAlt(m: Media, rules: AltLimit | undefined, platformName: string, warnings: string[]): string {
  const alt = m.alt!;
  if (!rules || (rules.kinds && !rules.kinds.includes(m.kind))) return alt;
  const measure = rules.unit === "graphemes" ? countGraphemes : utf16Length;
  const used = measure(alt);
  if (used <= rules.limit) return alt;
  warnings.push(`the alt text of ${m.path} is ${used} ${rules.unit}, over ${platformName}'s ${rules.limit}: shortened at a word`);
  return fit({ body: alt }, { limit: rules.limit, measure, maxParts: 1 }).parts[0]!;
}
