// Network ranges for PARLEY_INGEST_ALLOW ("10.0.0.0/8,192.168.1.7,fd00::/8"), matched with Node's
// BlockList. An IPv4 client seen through a dual-stack socket (::ffff:10.1.2.3) matches IPv4 ranges.
import net from "node:net";

export type CidrList = { ranges: string[]; contains: (address: string) => boolean };

export function parseCidrList(entries: string[]): CidrList {
  const list = new net.BlockList();
  for (const entry of entries) {
    const [ip, prefixText, extra] = entry.split("/");
    const family = net.isIP(ip);
    const max = family === 4 ? 32 : 128;
    const prefix = prefixText === undefined ? max : Number(prefixText);
    if (!family || extra !== undefined || !/^\d+$/.test(String(prefix)) || prefix < 0 || prefix > max) {
      throw new Error(`"${entry}" is not an IP address or CIDR range`);
    }
    list.addSubnet(ip, prefix, family === 4 ? "ipv4" : "ipv6");
  }
  return {
    ranges: entries,
    contains(address: string) {
      const ip = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
      const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
      const plain = mapped ? mapped[1] : ip;
      const family = net.isIP(plain);
      return family !== 0 && list.check(plain, family === 4 ? "ipv4" : "ipv6");
    },
  };
}
