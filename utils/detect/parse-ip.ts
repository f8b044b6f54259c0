// Strict IP parsing for the detector, without ipaddr.js: that library is ~4 kB gzip, a seventh
// of the content script's budget, for two functions the detector needs. utils/hosts/ip.ts stays
// the parser of record everywhere else; tests/unit/detect/parse-ip.test.ts checks on random
// inputs that every address accepted here comes out exactly as ip.ts would write it.

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;

/** The dotted quad, or null: no `999.1.1.1`, no octal-looking `010.1.1.1`, no 3 or 5 parts. */
export function parseIpv4(text: string): string | null {
  return IPV4.test(text) ? text : null;
}

/** The RFC 5952 form (lowercase, no leading zeros, longest zero run as `::`), or null. */
export function parseIpv6(text: string): string | null {
  if (text.length < 2 || text.length > 45) return null;
  let hex = text;
  // An IPv4 tail (`::ffff:192.0.2.1`) stands for the last two groups.
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.', lastColon)) {
    const v4 = parseIpv4(text.slice(lastColon + 1));
    if (!v4) return null;
    const [a, b, c, d] = v4.split('.').map(Number) as [number, number, number, number];
    hex = `${text.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const gap = hex.indexOf('::');
  if (gap >= 0 && hex.includes('::', gap + 1)) return null;
  const head = gap < 0 ? hex : hex.slice(0, gap);
  const tail = gap < 0 ? '' : hex.slice(gap + 2);
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const count = headGroups.length + tailGroups.length;
  if (gap < 0 ? count !== 8 : count > 7) return null;
  const groups: number[] = [];
  for (const group of headGroups) if (!pushGroup(groups, group)) return null;
  while (groups.length < 8 - tailGroups.length) groups.push(0);
  for (const group of tailGroups) if (!pushGroup(groups, group)) return null;
  return formatRfc5952(groups);
}

function pushGroup(groups: number[], group: string): boolean {
  if (!HEX_GROUP.test(group)) return false;
  groups.push(parseInt(group, 16));
  return true;
}

/** RFC 5952 §4: the longest run of two or more zero groups (the first on a tie) becomes `::`. */
function formatRfc5952(groups: number[]): string {
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}
