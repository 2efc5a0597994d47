// Polls each sending message's progress (a small JSON endpoint) and moves its bar until it is done.
document.querySelectorAll('[data-progress-url]').forEach(bar => {
    const fill = bar.querySelector('.fill');
    const label = bar.querySelector('.label');
    const poll = async () => {
        const response = await fetch(bar.dataset.progressUrl, { headers: { accept: 'application/json' } });
        if (response.ok) {
            const p = await response.json();
            fill.style.width = p.percent + '%';
            bar.dataset.percent = p.percent;
            label.textContent = `${p.percent}%（已发送 ${p.sent + p.delivered + p.read}，送达 ${p.delivered}，失败 ${p.failed}，退订 ${p.optedOut}，排队 ${p.queued + p.sending}）${p.status}`;
            if (p.percent >= 100 && p.queued + p.sending === 0) {
                return;
            }
        }
        setTimeout(poll, 1000);
    };
    poll();
});
