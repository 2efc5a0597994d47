// Textareas with data-preview show their Markdown rendered by the server (the same renderer, raw HTML refused)
// a moment after the editor stops typing. The form is posted as it is, antiforgery token included.
document.querySelectorAll('textarea[data-preview]').forEach(textarea => {
    const target = document.querySelector(textarea.dataset.preview);
    const form = textarea.form;
    let timer;
    textarea.addEventListener('input', () => {
        clearTimeout(timer);
        timer = setTimeout(async () => {
            const url = new URL(form.action, location.href);
            url.searchParams.set('handler', 'Preview');
            const response = await fetch(url, { method: 'POST', body: new FormData(form) });
            if (response.ok) {
                target.innerHTML = await response.text();
            }
        }, 300);
    });
});
