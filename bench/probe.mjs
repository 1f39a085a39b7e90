// Preloaded (--import) into every server the bench starts: answers the harness's IPC questions
// about this process's CPU time and memory, so the bench measures each server from inside.
// Plain JavaScript, so that it loads into a compiled server without tsx.
if (process.send) {
  process.on('message', (message) => {
    if (message?.type !== 'usage') return;
    if (message.gc && typeof globalThis.gc === 'function') globalThis.gc();
    process.send?.({ type: 'usage', id: message.id, cpu: process.cpuUsage(), memory: process.memoryUsage(), maxRss: process.resourceUsage().maxRSS * 1024 });
  });
  // The IPC channel must not keep a server alive on its own.
  process.channel?.unref();
}
