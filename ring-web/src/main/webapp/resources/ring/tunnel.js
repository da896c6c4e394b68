/*
 * RingTunnel: the portal's client of the Tunnel (docs/tunnel-protocol.md), without dependencies.
 *
 *   RingTunnel.subscribe('opportunities', function (m) { ... m.id, m.channel, m.event, m.payload });
 *   var stop = RingTunnel.subscribe('user:42', fn); stop();
 *
 * One WebSocket per page (/api/tunnel/ws), authenticated by the portal session (or by a token given
 * to configure). It remembers the last message id per channel and, after a lost connection,
 * reconnects with exponential backoff (capped at 30 s) and resumes each channel after that id, so
 * nothing is missed or delivered twice. When the WebSocket cannot be opened it falls back to
 * Server-Sent Events (/api/tunnel/sse), which resume through Last-Event-ID.
 */
(function (global) {
  'use strict';

  var config = { base: '', token: null, maxBackoffMs: 30000, baseBackoffMs: 500 };
  var handlers = {}; // channel -> [function]
  var lastIds = {}; // channel -> last message id seen
  var socket = null;
  var source = null;
  var mode = 'ws';
  var attempt = 0;
  var failedOpens = 0;
  var ready = false;
  var pingTimer = null;
  var reconnectTimer = null;
  var connectQueued = false;
  var state = 'idle';

  function channels() {
    return Object.keys(handlers).filter(function (c) { return handlers[c].length > 0; });
  }

  function deliver(m) {
    if (typeof m.id === 'number' && lastIds[m.channel] != null && m.id <= lastIds[m.channel]) {
      return; // already seen (a resumed stream may repeat the boundary)
    }
    if (typeof m.id === 'number') {
      lastIds[m.channel] = m.id;
    }
    (handlers[m.channel] || []).slice().forEach(function (fn) {
      try { fn(m); } catch (e) { if (global.console) { console.error('RingTunnel handler', e); } }
    });
  }

  function send(frame) {
    if (socket && socket.readyState === 1) {
      socket.send(JSON.stringify(frame));
    }
  }

  function subscribeFrame(channel) {
    var frame = { op: 'subscribe', channel: channel };
    if (lastIds[channel] != null) {
      frame.lastId = lastIds[channel];
    }
    send(frame);
  }

  function scheduleReconnect() {
    clearInterval(pingTimer);
    pingTimer = null;
    ready = false;
    if (reconnectTimer || channels().length === 0) {
      return;
    }
    attempt++;
    var delay = Math.min(config.maxBackoffMs, config.baseBackoffMs * Math.pow(2, attempt - 1));
    delay = Math.round(delay * (0.8 + Math.random() * 0.4)); // jitter: no reconnect storms in step
    state = 'reconnecting';
    reconnectTimer = setTimeout(function () { reconnectTimer = null; connect(); }, delay);
  }

  function connectWebSocket() {
    var scheme = global.location.protocol === 'https:' ? 'wss:' : 'ws:';
    var opened = false;
    try {
      socket = new WebSocket(scheme + '//' + global.location.host + config.base + '/api/tunnel/ws');
    } catch (e) {
      failedOpens++;
      mode = failedOpens >= 2 ? 'sse' : 'ws';
      scheduleReconnect();
      return;
    }
    state = 'connecting';
    socket.onopen = function () {
      opened = true;
      var auth = { op: 'auth' };
      if (config.token) {
        auth.token = config.token;
      }
      socket.send(JSON.stringify(auth));
    };
    socket.onmessage = function (event) {
      var frame;
      try { frame = JSON.parse(event.data); } catch (e) { return; }
      if (frame.op === 'auth_ok') {
        ready = true;
        attempt = 0;
        failedOpens = 0;
        state = 'open';
        channels().forEach(subscribeFrame);
        var every = Math.max(1000, Math.min(25000, (frame.idleTimeout || 90) * 1000 / 3));
        pingTimer = setInterval(function () { send({ op: 'ping', id: Date.now() }); }, every);
      } else if (frame.op === 'message') {
        deliver(frame);
      } else if (frame.op === 'subscribed') {
        if (lastIds[frame.channel] == null) {
          lastIds[frame.channel] = frame.lastId;
        }
      } else if (frame.op === 'error' && global.console) {
        console.warn('RingTunnel: ' + frame.code + ' ' + frame.message);
      }
    };
    socket.onclose = function () {
      socket = null;
      if (!opened) {
        failedOpens++;
        if (failedOpens >= 2) {
          mode = 'sse';
        }
      }
      scheduleReconnect();
    };
  }

  function connectEventSource() {
    var names = channels();
    if (names.length === 0) {
      return;
    }
    var known = names.filter(function (c) { return lastIds[c] != null; });
    var from = known.length === names.length
      ? Math.min.apply(null, known.map(function (c) { return lastIds[c]; }))
      : null;
    var url = config.base + '/api/tunnel/sse?events=message&channels=' +
      encodeURIComponent(names.join(',')) + (from != null ? '&lastEventId=' + from : '');
    source = new EventSource(url, { withCredentials: true });
    state = 'connecting';
    source.addEventListener('tunnel:ready', function (event) {
      state = 'open';
      attempt = 0;
      var info = JSON.parse(event.data);
      names.forEach(function (c) { if (lastIds[c] == null) { lastIds[c] = info.lastId; } });
    });
    source.onmessage = function (event) {
      try { deliver(JSON.parse(event.data)); } catch (e) { /* not ours */ }
    };
    source.onerror = function () {
      if (source.readyState === 2) { // closed for good (e.g. 401): back off and reopen
        source = null;
        scheduleReconnect();
      }
    };
  }

  function connect() {
    connectQueued = false;
    if (socket || source || channels().length === 0) {
      return;
    }
    if (mode === 'ws' && 'WebSocket' in global) {
      connectWebSocket();
    } else if ('EventSource' in global) {
      connectEventSource();
    }
  }

  function queueConnect() {
    if (!connectQueued) {
      connectQueued = true;
      setTimeout(connect, 0);
    }
  }

  function reopenEventSource() {
    if (source) {
      source.close();
      source = null;
      queueConnect();
    }
  }

  var RingTunnel = {
    /** Options: base (context path), token (an access token instead of the portal session). */
    configure: function (options) {
      for (var k in options) {
        if (Object.prototype.hasOwnProperty.call(options, k)) { config[k] = options[k]; }
      }
      return RingTunnel;
    },

    /**
     * Calls handler({id, channel, event, payload}) for every message on channel, from now on and
     * across reconnects. Returns a function that removes the handler.
     */
    subscribe: function (channel, handler) {
      if (!channel || typeof handler !== 'function') {
        throw new Error('RingTunnel.subscribe(channel, handler)');
      }
      var first = !handlers[channel] || handlers[channel].length === 0;
      (handlers[channel] = handlers[channel] || []).push(handler);
      if (first) {
        if (ready) {
          subscribeFrame(channel);
        } else if (source) {
          reopenEventSource();
        }
      }
      queueConnect();
      return function () { RingTunnel.unsubscribe(channel, handler); };
    },

    /** Removes handler (or every handler of channel). */
    unsubscribe: function (channel, handler) {
      var list = handlers[channel] || [];
      handlers[channel] = handler ? list.filter(function (h) { return h !== handler; }) : [];
      if (handlers[channel].length === 0) {
        send({ op: 'unsubscribe', channel: channel });
        reopenEventSource();
      }
    },

    /** The last message id seen on channel (or null). */
    lastId: function (channel) {
      return lastIds[channel] == null ? null : lastIds[channel];
    },

    /** 'idle', 'connecting', 'open' or 'reconnecting'; and the transport, 'ws' or 'sse'. */
    status: function () {
      return { state: state, transport: mode };
    }
  };

  global.RingTunnel = RingTunnel;
})(window);
