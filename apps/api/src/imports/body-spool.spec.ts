import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { spoolBody } from './body-spool.js';

const text = async (stream: Readable) => {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(Buffer.from(part as Buffer));
  return Buffer.concat(parts).toString('utf8');
};

describe("an import's body waiting on disk", () => {
  const body = [
    '{"mutation":"registerCarer","input":{"pseudonym":"Carer 1","personalData":{"fullName":"Ann Example","phone":"+44 1632 960000"}}}',
    '{"mutation":"holdActivity","input":{"activityId":"a-1"}}',
  ].join('\n');

  it('gives back the body as sent, while the file on disk holds none of it in plain text', async () => {
    const spooled = await spoolBody(Readable.from([Buffer.from(body.slice(0, 40)), Buffer.from(body.slice(40))]));
    try {
      const onDisk = readFileSync(spooled.file);
      expect(onDisk.length).toBe(Buffer.byteLength(body));
      for (const secret of ['Ann Example', '1632 960000', 'registerCarer', 'personalData'])
        expect(onDisk.toString('latin1')).not.toContain(secret);
      expect(await text(spooled.read())).toBe(body);
    } finally {
      await spooled.dispose();
    }
    expect(existsSync(dirname(spooled.file))).toBe(false);
  });

  it('fails with the error of a body that does not arrive (and removes what it wrote)', async () => {
    const failing = new Readable({
      read() {
        this.destroy(new Error('client went away'));
      },
    });
    const spools = () => readdirSync(tmpdir()).filter((name) => name.startsWith('import-')).length;
    const before = spools();
    await expect(spoolBody(failing)).rejects.toThrow('client went away');
    expect(spools()).toBeLessThanOrEqual(before);
  });
});
