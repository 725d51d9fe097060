// What a shell script of `curl` calls does: fetch each status URL one after another.
const urls = process.argv.slice(2);
for (const url of urls) {
  const res = await fetch(url);
  await res.text();
}
