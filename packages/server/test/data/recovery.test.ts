import { appendFile, mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalCluster, rowsChecksum } from '../../src/data/index.js';
import { article, articles, createArticles, makeTempDir, removeTempDir } from './helpers.js';

let dir: string;
let cluster: LocalCluster;

const articlesDir = (): string => join(cluster.dir, 'db', 'default', 'articles');
const partitionDir = (partition = '_default'): string => join(articlesDir(), 'segments', partition);

beforeEach(async () => {
  dir = await makeTempDir();
  cluster = await LocalCluster.create(join(dir, 'cluster'), { now: () => 1_700_000_000_000 });
  await createArticles(cluster);
});

afterEach(async () => {
  await removeTempDir(dir);
});

describe('segment files', () => {
  it('store one canonical JSON row per line with its insertion time, and seal growing into <seq>.seg', async () => {
    await cluster.insert({ collectionName: 'articles', data: [article(1, { meta: { b: 2, a: 1 } })] });
    const growing = await readFile(join(partitionDir(), 'growing.ndjson'), 'utf8');
    expect(growing).toBe(
      '{"_ts":1700000000000,"embedding":[1,1.5,-1],"id":1,"meta":{"a":1,"b":2},"published":false,"score":0.5,"title":"article 1","views":10}\n',
    );
    await cluster.flush();
    expect(await readdir(partitionDir())).toEqual(['0.seg']);
    expect(await readFile(join(partitionDir(), '0.seg'), 'utf8')).toBe(growing);
  });
});

describe('crash recovery on open', () => {
  it('cuts a torn last line off growing.ndjson and keeps the rows before it', async () => {
    await cluster.insert({ collectionName: 'articles', data: articles(1, 3) });
    const before = await cluster.describeCollection('default', 'articles');
    const growingPath = join(partitionDir(), 'growing.ndjson');
    const intact = await readFile(growingPath);
    await appendFile(growingPath, '{"_ts":1700000000000,"embedding":[4,4.5');

    const reopened = await LocalCluster.open(cluster.dir);
    expect(await reopened.describeCollection('default', 'articles')).toEqual(before);
    expect(await readFile(growingPath)).toEqual(intact);
    await reopened.insert({ collectionName: 'articles', data: [article(4)] });
    const rows = await reopened.query({ collectionName: 'articles', outputFields: ['id'] });
    expect(rows.map((row) => row['id'])).toEqual([1, 2, 3, 4]);
    expect((await reopened.describeCollection('default', 'articles')).checksum).toBe(rowsChecksum(articles(1, 4)));
  });

  it('re-adopts a segment that was renamed from growing but not yet listed in the state', async () => {
    await cluster.insert({ collectionName: 'articles', data: articles(1, 2) });
    await cluster.flush();
    await cluster.insert({ collectionName: 'articles', data: articles(3, 5) });
    const before = await cluster.describeCollection('default', 'articles');
    // The seal renamed growing.ndjson to the next seq, then the process died before the state write.
    await rename(join(partitionDir(), 'growing.ndjson'), join(partitionDir(), '1.seg'));

    const reopened = await LocalCluster.open(cluster.dir);
    expect(await reopened.describeCollection('default', 'articles')).toEqual(before);
    const snapshot = await reopened.snapshot();
    expect(snapshot.databases[0]?.collections[0]?.partitions[0]?.segments.map((s) => s.rowCount)).toEqual([2, 3]);
    expect((await LocalCluster.open(cluster.dir).then((c) => c.describeCollection('default', 'articles'))).checksum).toBe(before.checksum);
  });

  it('deletes an unlisted sealed file beside a live growing segment, which no interrupted seal can leave', async () => {
    await cluster.insert({ collectionName: 'articles', data: articles(1, 2) });
    await cluster.flush();
    await cluster.insert({ collectionName: 'articles', data: articles(3, 3) });
    const before = await cluster.describeCollection('default', 'articles');
    await writeFile(join(partitionDir(), '7.seg'), `${JSON.stringify(article(99))}\n`);
    await writeFile(join(partitionDir(), 'notes.txt'), 'not a segment name: left alone');

    const reopened = await LocalCluster.open(cluster.dir);
    expect(await reopened.describeCollection('default', 'articles')).toEqual(before);
    expect((await readdir(partitionDir())).sort()).toEqual(['0.seg', 'growing.ndjson', 'notes.txt']);
  });

  it('removes leftover temp files and directories', async () => {
    await cluster.insert({ collectionName: 'articles', data: articles(1, 2) });
    const before = await cluster.describeCollection('default', 'articles');
    const dbDir = join(cluster.dir, 'db', 'default');
    await mkdir(join(dbDir, '.tmp-restore-abc123', 'segments', '_default'), { recursive: true });
    await writeFile(join(dbDir, '.tmp-restore-abc123', 'segments', '_default', '0.seg'), 'half a restore');
    await mkdir(join(cluster.dir, 'db', '.tmp-drop-def456', 'old'), { recursive: true });
    await writeFile(join(articlesDir(), '.tmp-0a1b2c-collection.json'), '{"torn":');
    await writeFile(join(partitionDir(), '.tmp-ffffff-blob'), 'partial');
    await mkdir(join(articlesDir(), 'segments', 'never_listed'));

    const reopened = await LocalCluster.open(cluster.dir);
    expect(await readdir(dbDir)).toEqual(['articles']);
    expect(await readdir(join(cluster.dir, 'db'))).toEqual(['default']);
    expect((await readdir(articlesDir())).sort()).toEqual(['collection.json', 'segments']);
    expect(await readdir(join(articlesDir(), 'segments'))).toEqual(['_default']);
    expect(await readdir(partitionDir())).toEqual(['growing.ndjson']);
    expect(await reopened.describeCollection('default', 'articles')).toEqual(before);
  });

  it('puts the old collection back when an overwrite died between its two renames', async () => {
    await cluster.insert({ collectionName: 'articles', data: articles(1, 2) });
    const before = await cluster.describeCollection('default', 'articles');
    await rename(articlesDir(), join(cluster.dir, 'db', 'default', '.aside.articles'));

    const reopened = await LocalCluster.open(cluster.dir);
    expect(await reopened.describeCollection('default', 'articles')).toEqual(before);
    expect(await readdir(join(cluster.dir, 'db', 'default'))).toEqual(['articles']);
  });

  it('keeps the new collection and deletes the aside copy when an overwrite died after swapping', async () => {
    await cluster.insert({ collectionName: 'articles', data: articles(1, 2) });
    const before = await cluster.describeCollection('default', 'articles');
    await mkdir(join(cluster.dir, 'db', 'default', '.aside.articles', 'segments'), { recursive: true });

    const reopened = await LocalCluster.open(cluster.dir);
    expect(await reopened.describeCollection('default', 'articles')).toEqual(before);
    expect(await readdir(join(cluster.dir, 'db', 'default'))).toEqual(['articles']);
  });
});
