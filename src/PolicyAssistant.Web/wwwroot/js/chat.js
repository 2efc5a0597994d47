// The web chat: one anonymous id per browser, kept in localStorage so a multi-step dialog survives a reload.
(function () {
    const messages = document.getElementById('messages');
    const suggestions = document.getElementById('suggestions');
    const form = document.getElementById('ask');
    const input = document.getElementById('question');
    const key = 'policyassistant.userId';
    let userId = localStorage.getItem(key);
    if (!userId) {
        userId = 'web-' + (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2));
        userId = userId.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 64);
        localStorage.setItem(key, userId);
    }

    function add(role, text, sources) {
        const item = document.createElement('li');
        item.className = 'message ' + role;
        const body = document.createElement('div');
        body.className = 'text';
        body.textContent = text;
        item.appendChild(body);
        if (sources && sources.length) {
            const cite = document.createElement('div');
            cite.className = 'sources';
            cite.textContent = '依据：' + sources.map(s => s.source).join('；');
            item.appendChild(cite);
        }
        messages.appendChild(item);
        item.scrollIntoView({ block: 'end' });
    }

    function showSuggestions(list) {
        suggestions.replaceChildren();
        (list || []).forEach(text => {
            const button = document.createElement('button');
            button.type = 'button';
            button.className = 'suggestion';
            button.textContent = text;
            button.addEventListener('click', () => send(text));
            suggestions.appendChild(button);
        });
    }

    async function send(text) {
        if (!text.trim()) return;
        add('user', text);
        input.value = '';
        try {
            const response = await fetch('/api/chat', {
                method: 'POST',
                headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify({ userId, text })
            });
            if (!response.ok) {
                // A 429 carries its reason in Chinese as the problem's title; other failures get the generic line.
                const problem = response.status === 429 ? await response.json().catch(() => null) : null;
                add('bot error', problem && problem.title ? problem.title : '发送失败（' + response.status + '），请稍后再试。');
                return;
            }
            const data = await response.json();
            data.replies.forEach(r => add('bot', r.text, r.sources));
            showSuggestions(data.suggestedReplies);
        } catch (e) {
            add('bot error', '网络连接失败，请检查网络后再试。');
        }
    }

    form.addEventListener('submit', event => {
        event.preventDefault();
        send(input.value);
    });
    send('你好');
}());
