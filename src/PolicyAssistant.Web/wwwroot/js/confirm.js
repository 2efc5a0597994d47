// Forms with data-confirm ask before they submit (no inline handlers: the Content-Security-Policy forbids them).
document.querySelectorAll('form[data-confirm]').forEach(form => {
    form.addEventListener('submit', event => {
        if (!confirm(form.dataset.confirm)) {
            event.preventDefault();
        }
    });
});
