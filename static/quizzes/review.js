/* Review drafts (admin): the keys of the page. Each key clicks the button or link
   that carries its data-review-key, so the keys do exactly what the buttons do
   (and the page works without this file). Loaded with defer; no inline script. */
(function () {
  "use strict";

  function isTyping(target) {
    if (!target || !target.tagName) return false;
    var tag = target.tagName.toLowerCase();
    return (tag === "input" && !/^(radio|checkbox|button|submit)$/i.test(target.type)) ||
      tag === "textarea" || tag === "select" || target.isContentEditable;
  }

  function editPanel() { return document.getElementById("review-edit"); }

  function openEdit() {
    var panel = editPanel();
    if (!panel) return;
    panel.open = true;
    var first = panel.querySelector("textarea, input[type=text]");
    if (first) {
      first.focus();
      first.select();
    }
  }

  function closeEdit() {
    var panel = editPanel();
    if (!panel) return;
    panel.open = false;
    var edit = document.querySelector("[data-review-edit]");
    if (edit) edit.focus();
  }

  function toggleHelp() {
    var help = document.getElementById("review-help");
    if (help) help.open = !help.open;
  }

  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target.closest("button") : null;
    if (!target) return;
    if (target.hasAttribute("data-review-edit")) { event.preventDefault(); openEdit(); }
    else if (target.hasAttribute("data-review-cancel")) { event.preventDefault(); closeEdit(); }
    else if (target.hasAttribute("data-review-help")) { event.preventDefault(); toggleHelp(); }
  });

  /* One action per page: once a form is on its way, further keys wait for the
     next page (a quick A then R must not reject what was just accepted). */
  var sent = false;
  document.addEventListener("submit", function () { sent = true; });

  document.addEventListener("keydown", function (event) {
    if (sent) { if (!isTyping(event.target)) event.preventDefault(); return; }
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    var panel = editPanel();
    if (panel && panel.open && panel.contains(event.target)) {
      if (event.key === "Escape") { event.preventDefault(); closeEdit(); return; }
      // Enter saves from any field of the edit form (Shift+Enter: a new line).
      if (event.key === "Enter" && !event.shiftKey && event.target.tagName.toLowerCase() === "textarea") {
        event.preventDefault();
        var form = event.target.form;
        if (form) form.requestSubmit ? form.requestSubmit() : form.submit();
      }
      return;
    }
    if (isTyping(event.target)) return;
    var key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    if (key === "e") { event.preventDefault(); openEdit(); return; }
    if (key === "?") { event.preventDefault(); toggleHelp(); return; }
    var control = document.querySelector('[data-review-key="' + key + '"]');
    if (!control || control.disabled) return;
    event.preventDefault();
    control.click();
  });

  /* The edit panel opened after a refused save: put the cursor in it. */
  document.addEventListener("DOMContentLoaded", function () {
    var panel = editPanel();
    if (panel && panel.open) {
      var invalid = panel.querySelector(".errorlist + input, .errorlist + textarea");
      (invalid || panel.querySelector("textarea, input[type=text]") || panel).focus();
    }
  });

  /* The keys listen from here on: a page read before this ran (the counts show while
     the deferred file still loads) would drop a key, so say when they are live. */
  document.documentElement.setAttribute("data-review-keys", "live");
})();
