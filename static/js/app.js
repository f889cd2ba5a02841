/* NewsQuiz: keyboard shortcuts, answer timing and timeline ordering (drag by
   the handle + up/down buttons). No inline scripts: this file is loaded with defer
   and listens on the document, so it also covers fragments HTMX swaps in. */
(function () {
  "use strict";

  var shownAt = Date.now();

  function isTyping(target) {
    if (!target || !target.tagName) return false;
    var tag = target.tagName.toLowerCase();
    return tag === "input" && !/^(radio|checkbox|button|submit)$/i.test(target.type) ||
      tag === "textarea" || tag === "select" || target.isContentEditable;
  }

  function visible(el) {
    return !!(el && (el.offsetWidth || el.offsetHeight || el.getClientRects().length));
  }

  /* HTMX binds swapped-in forms when the swap settles; a shortcut pressed
     before that would post the form natively, so bind it first. */
  function press(button) {
    var form = button.closest("form");
    if (form && window.htmx && form.hasAttribute("hx-post")) window.htmx.process(form);
    button.click();
  }

  function focusFirst(root) {
    var el = (root || document).querySelector("[data-autofocus]");
    if (el && visible(el)) el.focus({ preventScroll: false });
  }

  /* Keyboard shortcuts: Space reveals, 1-4 rate, u / ctrl+z undo. */
  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.altKey || event.metaKey || isTyping(event.target)) return;
    var key = event.key;
    if (event.ctrlKey) {
      if (key === "z" || key === "Z") key = "u"; else return;
    }
    if (key === " " || key === "Spacebar") {
      var reveal = document.querySelector("details[data-reveal]:not([open])");
      if (!reveal) return;
      var tag = event.target && event.target.tagName ? event.target.tagName.toLowerCase() : "";
      if (tag === "button" || tag === "a" || (tag === "summary" && event.target.parentElement !== reveal)) return;
      event.preventDefault();
      reveal.open = true;
      focusAnswer(reveal);
      return;
    }
    if (/^[1-4]$/.test(key)) {
      var open = document.querySelector("details[data-reveal][open]");
      var button = open && open.querySelector('[data-shortcut="' + key + '"]');
      if (button && !button.disabled) {
        event.preventDefault();
        press(button);
      }
      return;
    }
    if (key === "u" || key === "U") {
      var undo = document.querySelector('[data-shortcut="u"]');
      if (undo && !undo.disabled) {
        event.preventDefault();
        press(undo);
      }
    }
  });

  /* Once the answer shows, focus goes to it, so a screen reader reads it first;
     the next Tab lands on "Good" (the ratings are one tab stop, arrows move
     between them) and the keys 1-4 rate from anywhere. */
  function focusAnswer(reveal) {
    var answer = reveal.querySelector("[data-answer]");
    if (answer) answer.focus();
  }

  document.addEventListener("toggle", function (event) {
    var details = event.target;
    if (details.matches && details.matches("details[data-reveal]") && details.open) {
      if (document.activeElement && document.activeElement.tagName.toLowerCase() === "summary") focusAnswer(details);
    }
  }, true);

  function setupRatings(root) {
    root.querySelectorAll("[data-ratings]").forEach(function (group) {
      if (group.dataset.ready) return;
      group.dataset.ready = "1";
      group.setAttribute("role", "toolbar");
      group.setAttribute("aria-label", "Rate your recall");
      var buttons = Array.prototype.slice.call(group.querySelectorAll("button"));
      buttons.forEach(function (button) {
        button.tabIndex = button.getAttribute("data-shortcut") === "3" ? 0 : -1;
      });
      group.addEventListener("keydown", function (event) {
        var index = buttons.indexOf(document.activeElement);
        if (index < 0) return;
        var next = null;
        if (event.key === "ArrowRight" || event.key === "ArrowDown") next = buttons[(index + 1) % buttons.length];
        else if (event.key === "ArrowLeft" || event.key === "ArrowUp") next = buttons[(index - 1 + buttons.length) % buttons.length];
        else if (event.key === "Home") next = buttons[0];
        else if (event.key === "End") next = buttons[buttons.length - 1];
        if (!next) return;
        event.preventDefault();
        buttons.forEach(function (button) { button.tabIndex = button === next ? 0 : -1; });
        next.focus();
      });
    });
  }

  /* Answer timing: how long the card or question was on screen. */
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.hasAttribute && form.hasAttribute("data-timed")) {
      var field = form.querySelector('input[name="duration_ms"]');
      if (field) field.value = String(Math.max(0, Date.now() - shownAt));
    }
  }, true);

  /* Stop double submits while a request is in flight. */
  document.addEventListener("htmx:beforeRequest", function (event) {
    var form = event.target.closest && event.target.closest("form");
    if (form) {
      if (form.dataset.busy === "1") { event.preventDefault(); return; }
      form.dataset.busy = "1";
    }
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    var form = event.target.closest && event.target.closest("form");
    if (form) delete form.dataset.busy;
  });

  /* A failed HTMX request: say so instead of doing nothing. */
  function showError(text) {
    var box = document.getElementById("htmx-error");
    if (!box) return;
    box.innerHTML = "";
    var p = document.createElement("p");
    p.className = "message message-error";
    p.textContent = text;
    box.appendChild(p);
  }
  document.addEventListener("htmx:responseError", function (event) {
    var status = event.detail && event.detail.xhr ? event.detail.xhr.status : 0;
    showError(status === 403
      ? "Your session has expired or the form is out of date. Please reload the page."
      : status === 404
        ? "That item is no longer available. Please reload the page."
        : "Something went wrong (error " + status + "). Please try again.");
  });
  document.addEventListener("htmx:sendError", function () {
    showError("No connection to the server. Check your network and try again.");
  });
  document.addEventListener("htmx:beforeSwap", function () {
    var box = document.getElementById("htmx-error");
    if (box) box.innerHTML = "";
  });

  document.addEventListener("htmx:afterSwap", function (event) {
    shownAt = Date.now();
    focusFirst(event.detail && event.detail.target && document.getElementById(event.detail.target.id) || document);
    setupOrderLists(document);
    setupRatings(document);
  });

  /* ---------- Timeline ordering ---------- */

  function announce(list, text) {
    var form = list.closest("form");
    var status = form && form.querySelector("[data-order-status]");
    if (status) status.textContent = text;
  }

  function refresh(list) {
    var items = list.querySelectorAll(".order-item");
    items.forEach(function (item, index) {
      var up = item.querySelector('[data-move="up"]');
      var down = item.querySelector('[data-move="down"]');
      if (up) up.disabled = index === 0;
      if (down) down.disabled = index === items.length - 1;
    });
  }

  function position(list, item) {
    return Array.prototype.indexOf.call(list.querySelectorAll(".order-item"), item) + 1;
  }

  function label(item) {
    var text = item.querySelector(".order-text");
    return text ? text.textContent.trim() : "Item";
  }

  function move(item, direction) {
    var list = item.parentElement;
    if (direction === "up" && item.previousElementSibling) {
      list.insertBefore(item, item.previousElementSibling);
    } else if (direction === "down" && item.nextElementSibling) {
      list.insertBefore(item.nextElementSibling, item);
    } else {
      return;
    }
    refresh(list);
    var count = list.querySelectorAll(".order-item").length;
    announce(list, label(item) + " moved to position " + position(list, item) + " of " + count + ".");
    var again = item.querySelector('[data-move="' + direction + '"]');
    var other = item.querySelector('[data-move="' + (direction === "up" ? "down" : "up") + '"]');
    (again && !again.disabled ? again : other).focus();
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-move]");
    if (!button) return;
    var item = button.closest(".order-item");
    if (!item) return;
    event.preventDefault(); /* with JavaScript, reorder in place; without it the button posts */
    move(item, button.getAttribute("data-move"));
  });

  /* Drag and drop with pointer events (mouse, touch and pen alike). */
  var drag = null;

  function onPointerDown(event) {
    /* Only the handle drags: a swipe over the text scrolls the page (touch). */
    var handle = event.target.closest("[data-drag-handle]");
    if (!handle || event.button > 0) return;
    var item = handle.closest(".order-item");
    if (!item) return;
    event.preventDefault();
    drag = { item: item, list: item.parentElement, pointer: event.pointerId };
    item.classList.add("is-dragging");
    if (item.setPointerCapture) {
      try { item.setPointerCapture(event.pointerId); } catch (e) { /* not capturable */ }
    }
  }

  function onPointerMove(event) {
    if (!drag) return;
    event.preventDefault();
    var siblings = Array.prototype.filter.call(
      drag.list.querySelectorAll(".order-item"), function (el) { return el !== drag.item; });
    var before = null;
    for (var i = 0; i < siblings.length; i++) {
      var box = siblings[i].getBoundingClientRect();
      if (event.clientY < box.top + box.height / 2) { before = siblings[i]; break; }
    }
    if (before !== drag.item.nextElementSibling) {
      if (before) drag.list.insertBefore(drag.item, before); else drag.list.appendChild(drag.item);
    }
  }

  function onPointerUp() {
    if (!drag) return;
    var list = drag.list, item = drag.item;
    item.classList.remove("is-dragging");
    drag = null;
    refresh(list);
    announce(list, label(item) + " dropped at position " + position(list, item) + " of " +
      list.querySelectorAll(".order-item").length + ".");
  }

  function setupOrderLists(root) {
    root.querySelectorAll("[data-order-list]").forEach(function (list) {
      if (list.dataset.ready) return;
      list.dataset.ready = "1";
      list.addEventListener("pointerdown", onPointerDown);
      list.addEventListener("pointermove", onPointerMove);
      list.addEventListener("pointerup", onPointerUp);
      list.addEventListener("pointercancel", onPointerUp);
      refresh(list);
    });
  }

  /* Sign-up: the student's time zone defaults to the browser's. */
  function fillTimeZone(root) {
    var zone = "";
    try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { /* old browser */ }
    root.querySelectorAll("input[data-browser-time-zone]").forEach(function (input) {
      if (!input.value) input.value = zone;
    });
  }

  function ready() {
    shownAt = Date.now();
    fillTimeZone(document);
    setupOrderLists(document);
    setupRatings(document);
    if (!document.querySelector(".form-errors[role=alert]")) focusFirst(document);
    var errors = document.getElementById("form-errors");
    if (errors) errors.focus();
    // The keys listen from here on (the page shows before this deferred file runs).
    document.documentElement.setAttribute("data-keys", "live");
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();
