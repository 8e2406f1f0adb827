// Progressive enhancement for the set-password forms: marks the length, character-group and
// forbidden-character rules as met while the user types, and says when the two passwords differ.
// The server checks every rule again (and the ones this cannot: common, personal, history).
(function () {
  "use strict";
  var list = document.getElementById("password-rules");
  var password = document.getElementById("new-password");
  var confirm = document.getElementById("confirm-password");
  var status = document.getElementById("password-status");
  if (!list || !password || !confirm || !status) { return; }

  var segmenter = typeof Intl !== "undefined" && Intl.Segmenter ? new Intl.Segmenter() : null;
  function length(text) {
    var normalized = text.normalize("NFC");
    return segmenter ? Array.from(segmenter.segment(normalized)).length : Array.from(normalized).length;
  }
  function groups(text) {
    var found = {};
    Array.from(text).forEach(function (c) {
      found[/\p{Ll}/u.test(c) ? "lower" : /\p{Lu}/u.test(c) ? "upper" : /\p{Nd}/u.test(c) ? "digit" : "other"] = true;
    });
    return Object.keys(found).length;
  }
  var checks = {
    "minimum-length": function (text, rule) { return length(text) >= Number(rule.dataset.minimum); },
    "maximum-length": function (text, rule) { return length(text) <= Number(rule.dataset.maximum); },
    "character-classes": function (text) { return groups(text) >= 3; },
    "forbidden-characters": function (text, rule) {
      var lower = text.normalize("NFC").toLowerCase();
      return rule.dataset.characters.split(" ").every(function (c) { return c === "" || lower.indexOf(c) < 0; });
    }
  };

  function update() {
    var text = password.value;
    Array.prototype.forEach.call(list.querySelectorAll("li[data-rule]"), function (rule) {
      var check = checks[rule.dataset.rule];
      if (!check) { return; }
      var met = text.length > 0 && check(text, rule);
      rule.classList.toggle("met", met);
      var mark = rule.querySelector(".rule-state");
      if (mark) { mark.textContent = met ? list.dataset.met : list.dataset.unmet; }
    });
    status.textContent = confirm.value.length > 0 && confirm.value !== text ? status.dataset.differ : "";
  }

  password.addEventListener("input", update);
  confirm.addEventListener("input", update);
})();
