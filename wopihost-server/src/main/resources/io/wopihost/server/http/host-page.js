// The host page's script: creates the editor's iframe and posts the access token into it, answers
// the editor's messages, and gets a fresh token before the old one expires. Its settings come from
// the JSON element #wopihost-page (see HostPage.java).
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('wopihost-page').textContent);
  var form = document.getElementById('office_form');
  var holder = document.getElementById('office_frame_holder');
  var panel = document.getElementById('wopihost-panel');
  var frame = null;
  var ready = false;
  var loaded = false;
  var renewal = null;

  // The launch link's token, and Office's one-shot wd* parameters, must not stay in the address
  // bar, the history or a bookmark.
  var here = new URL(window.location.href);
  ['launch', 'wdPreviousSession', 'wdPreviousCorrelation'].forEach(function (name) {
    here.searchParams.delete(name);
  });
  window.history.replaceState(null, '', here.pathname + here.search + here.hash);

  // A new iframe for every post: an iframe in the markup would be reloaded or restored stale by
  // the browser's history and post an old token.
  function open(token, ttl) {
    form.elements.access_token.value = token;
    form.elements.access_token_ttl.value = String(ttl);
    if (frame) {
      holder.removeChild(frame);
    }
    frame = document.createElement('iframe');
    frame.name = 'office_frame';
    frame.id = 'office_frame';
    frame.title = 'Office frame';
    frame.setAttribute('allowfullscreen', 'true');
    frame.setAttribute('allow', 'autoplay; camera; microphone; display-capture; clipboard-read; clipboard-write');
    frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-forms allow-popups'
        + ' allow-top-navigation allow-popups-to-escape-sandbox allow-downloads allow-modals');
    holder.appendChild(frame);
    ready = false;
    loaded = false;
    form.submit();
    schedule(ttl);
  }

  function send(messageId, values) {
    if (frame && frame.contentWindow) {
      frame.contentWindow.postMessage(JSON.stringify(
          {MessageId: messageId, SendTime: Date.now(), Values: values || {}}), config.editorOrigin);
    }
  }

  window.addEventListener('message', function (event) {
    if (!frame || event.source !== frame.contentWindow || event.origin !== config.editorOrigin) {
      return;
    }
    var message;
    try {
      message = typeof event.data === 'string' ? JSON.parse(event.data) : event.data;
    } catch (e) {
      return;
    }
    if (!message || typeof message.MessageId !== 'string') {
      return;
    }
    var values = message.Values || {};
    switch (message.MessageId) {
      case 'App_LoadingStatus':
        if (!ready) {
          ready = true;
          send('Host_PostmessageReady');
        }
        // Collabora reports Initialized, Frame_Ready, then Document_Loaded; the others only this.
        if (values.Status === undefined || values.Status === 'Document_Loaded') {
          loaded = true;
        }
        break;
      case 'UI_Close':
        window.location.assign(config.closeUrl);
        break;
      case 'UI_Edit':
        if (config.editUrl) {
          window.location.assign(config.editUrl);
        }
        break;
      case 'UI_Sharing':
        showSharing();
        break;
      case 'UI_FileVersions':
        showVersions();
        break;
      case 'File_Rename':
        if (typeof values.NewName === 'string') {
          document.title = values.NewName;
        }
        break;
      default:
        break;
    }
  });

  function call(url, method) {
    return fetch(url, {method: method, credentials: 'same-origin',
        headers: {'X-Requested-With': 'wopihost'}})
        .then(function (response) {
          if (!response.ok) {
            throw new Error(url + ' answered ' + response.status);
          }
          return response.json();
        });
  }

  function schedule(ttl) {
    clearTimeout(renewal);
    if (ttl > 0) {
      renewal = setTimeout(renew, Math.max(ttl - Date.now() - config.renewBeforeMs, 60000));
    }
  }

  // Collabora takes a new token in the running session; the other editors get the form posted
  // again with it (they reload, and rejoin the document's editing session).
  function renew() {
    return call(config.renewUrl, 'POST').then(function (fresh) {
      if (config.product === 'COLLABORA' && loaded) {
        send('Reset_Access_Token',
            {token: fresh.access_token, token_ttl: String(fresh.access_token_ttl)});
        form.elements.access_token.value = fresh.access_token;
        form.elements.access_token_ttl.value = String(fresh.access_token_ttl);
        schedule(fresh.access_token_ttl);
      } else {
        open(fresh.access_token, fresh.access_token_ttl);
      }
    }).catch(function (error) {
      // The page's session ended: the editor tells the user when the token runs out.
      console.warn('wopihost: no fresh access token: ' + error.message);
    });
  }

  function element(tag, text) {
    var e = document.createElement(tag);
    if (text !== undefined) {
      e.textContent = String(text);
    }
    return e;
  }

  // The editor stops grabbing the keyboard while the panel covers it (Blur_Focus/Grab_Focus).
  function showPanel(title, content) {
    panel.replaceChildren(element('h2', title), content);
    var close = element('button', 'Close');
    close.type = 'button';
    close.addEventListener('click', function () {
      panel.hidden = true;
      send('Grab_Focus');
    });
    panel.appendChild(close);
    panel.hidden = false;
    send('Blur_Focus');
    close.focus();
  }

  function showSharing() {
    call(config.shareUrl, 'POST').then(function (links) {
      var list = element('div');
      Object.keys(links).forEach(function (type) {
        var label = element('label', type === 'ReadWrite' ? 'Can edit: ' : 'Can view: ');
        var input = element('input');
        input.readOnly = true;
        input.value = links[type];
        label.appendChild(input);
        list.appendChild(element('p')).appendChild(label);
      });
      showPanel('Share', list);
    }).catch(function (error) {
      showPanel('Share', element('p', 'Share links are not available: ' + error.message));
    });
  }

  function showVersions() {
    call(config.versionsUrl, 'GET').then(function (answer) {
      var table = element('table');
      var head = table.appendChild(element('tr'));
      ['Version', 'Saved', 'By', 'Bytes', 'Kind'].forEach(function (h) {
        head.appendChild(element('th', h));
      });
      answer.versions.forEach(function (v) {
        var row = table.appendChild(element('tr'));
        [v.version, new Date(v.createdAt).toLocaleString(), v.userId, v.size,
            v.kind.toLowerCase()].forEach(function (cell) {
          row.appendChild(element('td', cell));
        });
      });
      showPanel('Versions', table);
    }).catch(function (error) {
      showPanel('Versions', element('p', 'The versions are not available: ' + error.message));
    });
  }

  window.wopihost = {renew: renew};
  open(form.elements.access_token.value, Number(form.elements.access_token_ttl.value));
}());
