// The roster import's progress bar: polls the job's small JSON endpoint until the import ends, then reloads the
// page for the report of bad rows (no inline script: the Content-Security-Policy forbids it).
const panel = document.getElementById('import-progress');
if (panel && panel.dataset.finished !== 'true') {
    const poll = async () => {
        const response = await fetch(panel.dataset.progressUrl, { headers: { Accept: 'application/json' } });
        if (!response.ok) {
            return;
        }

        const progress = await response.json();
        panel.querySelector('progress').value = progress.percent;
        panel.querySelectorAll('[data-field]').forEach(field => {
            field.textContent = progress[field.dataset.field];
        });
        if (progress.finished) {
            location.reload();
        } else {
            setTimeout(poll, 1000);
        }
    };
    setTimeout(poll, 1000);
}
