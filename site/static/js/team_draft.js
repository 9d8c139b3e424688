// Autosave for a team's shared draft. The form works without this script
// (Save draft / Send); with it, each section is saved a moment after typing
// stops. Every save says what each section said when this person started
// editing it; the server refuses a section someone else changed since, and
// this script then shows their text and leaves that section alone until the
// person has combined the two and chosen to save.
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave]");
  if (!form || !window.fetch) return;
  var status = form.querySelector("[data-autosave-status]");
  var areas = form.querySelectorAll("textarea[data-section]");
  var conflicted = {};
  var timer = null;
  var saving = false;
  var again = false;

  function base(key) { return form.querySelector("input[name='base_" + key + "']"); }
  function say(text) { if (status) status.textContent = text; }

  function slotFor(key) { return form.querySelector("[data-conflict-for='" + key + "']"); }

  function showConflict(key, theirs) {
    conflicted[key] = theirs;
    var slot = slotFor(key);
    if (!slot) return;
    slot.querySelector(".conflict-text").textContent = theirs;
    if (!slot.querySelector("button")) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "button button--secondary";
      button.textContent = form.dataset.combinedLabel || "OK";
      button.addEventListener("click", function () {
        base(key).value = conflicted[key];
        delete conflicted[key];
        slot.hidden = true;
        save();
      });
      slot.querySelector(".callout").appendChild(button);
    }
    slot.hidden = false;
  }

  function save() {
    if (saving) { again = true; return; }
    saving = true;
    var data = new FormData(form);
    data.delete("send");
    Object.keys(conflicted).forEach(function (key) {
      data.delete("section_" + key);
      data.delete("base_" + key);
    });
    var sent = {};
    areas.forEach(function (area) { sent[area.dataset.section] = area.value; });
    say(form.dataset.savingLabel || "…");
    fetch(form.dataset.autosave, {
      method: "POST",
      body: data,
      headers: { "Accept": "application/json" },
      credentials: "same-origin"
    }).then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, body: body }; });
    }).then(function (result) {
      if (!result.ok) { say(result.body.error || form.dataset.failedLabel); return; }
      var body = result.body;
      areas.forEach(function (area) {
        var key = area.dataset.section;
        if (conflicted[key] !== undefined) return;
        var server = body.content[key] || "";
        if (body.saved.indexOf(key) !== -1) { base(key).value = sent[key]; return; }
        // Untouched here but changed by someone else: take their text.
        if (area.value === base(key).value && server !== area.value) {
          area.value = server;
          base(key).value = server;
        } else if (area.value === server) {
          base(key).value = server;
        }
      });
      body.conflicts.forEach(function (conflict) { showConflict(conflict.key, conflict.theirs); });
      say((form.dataset.savedLabel || "") + " " + body.saved_at);
    }).catch(function () {
      say(form.dataset.failedLabel || "!");
    }).finally(function () {
      saving = false;
      if (again) { again = false; save(); }
    });
  }

  areas.forEach(function (area) {
    area.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(save, 1500);
    });
  });
})();
