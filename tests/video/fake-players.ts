// Stand-ins for the YouTube and Vimeo players, answered to intercepted requests so that nothing leaves the machine.
// They speak the players' postMessage protocols as src/runtime/video/embed-player.ts expects them, and keep
// the commands they receive in `window.commands` for the test to read.

/** A YouTube embed: answers "listening", then plays (0.25 s per 250 ms) until told to pause; `error` answers onError instead. */
export function fakeYouTube(mode: 'play' | 'error'): string {
  return `<!doctype html><title>fake YouTube player</title><body style="margin:0;background:#202020;color:#fff;font:40px sans-serif">fake YouTube
<script>
window.commands = [];
let t = 0, state = -1, started = false;
const send = (o) => parent.postMessage(JSON.stringify(o), '*');
addEventListener('message', (e) => {
  const d = JSON.parse(e.data);
  if (d.event === 'listening' && !started) {
    started = true;
    if (${JSON.stringify(mode)} === 'error') { send({ event: 'onError', info: 153 }); return; }
    send({ event: 'onReady', info: null });
    state = 1;
    setInterval(() => { if (state === 1) t += 0.25; send({ event: 'infoDelivery', info: { currentTime: t, duration: 270, playerState: state } }); }, 250);
  }
  if (d.event === 'command') {
    window.commands.push(d.func);
    state = d.func === 'pauseVideo' ? 2 : d.func === 'playVideo' ? 1 : state;
    send({ event: 'onStateChange', info: state });
  }
});
</script>`;
}

/** A Vimeo embed: says "ready", then reports time updates while playing. */
export function fakeVimeo(): string {
  return `<!doctype html><title>fake Vimeo player</title><body style="margin:0;background:#1a2e3b;color:#fff;font:40px sans-serif">fake Vimeo
<script>
window.commands = [];
let t = 10, playing = true;
const send = (o) => parent.postMessage(JSON.stringify(o), '*');
send({ event: 'ready' });
addEventListener('message', (e) => {
  const d = JSON.parse(e.data);
  window.commands.push(d.method + (d.value ? ':' + d.value : ''));
  if (d.method === 'ping') send({ event: 'ready' });
  if (d.method === 'pause') { playing = false; send({ event: 'pause' }); }
  if (d.method === 'play') { playing = true; send({ event: 'play' }); }
});
setInterval(() => { if (playing) { t += 0.25; send({ event: 'timeupdate', data: { seconds: t, duration: 600 } }); } }, 250);
send({ event: 'play' });
</script>`;
}
