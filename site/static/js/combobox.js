// A searchable select (mentornett.widgets.SearchableSelect): the select stays
// in the form, hidden, and carries the value; a text box in front of it filters
// the choices as one types. The ARIA 1.2 combobox pattern with a list popup
// (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/): Down and Up move
// through the matches, Enter chooses, Escape closes the list. Without this
// script the plain select works as it is.
(() => {
  if (window.mentornettCombobox) return; // the widget includes this file once per field
  window.mentornettCombobox = true;

  const fold = (text) =>
    text.toLocaleLowerCase("nb").normalize("NFD").replace(/[\u0300-\u036f]/g, "").trim();

  function enhance(select) {
    if (select.dataset.enhanced !== undefined) return;
    select.dataset.enhanced = "";
    const id = select.id;
    const texts = document.querySelector(`.combobox-texts[data-for="${CSS.escape(id)}"]`)?.dataset || {};
    const choices = Array.from(select.options)
      .filter((option) => option.value !== "")
      .map((option) => ({ value: option.value, label: option.text, folded: fold(option.text) }));

    const wrapper = document.createElement("div");
    wrapper.className = "combobox";
    const input = document.createElement("input");
    input.type = "text";
    input.id = id;
    input.className = "combobox__input";
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", `${id}-listbox`);
    input.autocomplete = "off";
    input.spellcheck = false;
    if (select.required) input.required = true;
    select.required = false; // hidden, it cannot take the browser's focus
    input.disabled = select.disabled;
    if (select.getAttribute("aria-invalid")) input.setAttribute("aria-invalid", select.getAttribute("aria-invalid"));
    const hint = document.createElement("span");
    hint.id = `${id}-hint`;
    hint.className = "visually-hidden";
    hint.textContent = texts.hint || "";
    const described = [select.getAttribute("aria-describedby"), hint.id].filter(Boolean).join(" ");
    input.setAttribute("aria-describedby", described);

    const list = document.createElement("ul");
    list.id = `${id}-listbox`;
    list.className = "combobox__list";
    list.setAttribute("role", "listbox");
    const label = document.querySelector(`label[for="${CSS.escape(id)}"]`);
    if (label) {
      label.id = label.id || `${id}-label`;
      list.setAttribute("aria-labelledby", label.id);
    }
    list.hidden = true;
    const status = document.createElement("span");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");

    select.id = `${id}-select`;
    select.hidden = true;
    select.tabIndex = -1;
    select.setAttribute("aria-hidden", "true");
    select.before(wrapper);
    wrapper.append(input, hint, list, status, select);

    const chosen = () => choices.find((choice) => choice.value === select.value);
    input.value = chosen()?.label || "";
    let matches = [];
    let active = -1;

    function matching(text) {
      const query = fold(text);
      if (!query) return choices;
      const starts = choices.filter((choice) => choice.folded.startsWith(query));
      const inside = choices.filter((choice) => !choice.folded.startsWith(query) && choice.folded.includes(query));
      return starts.concat(inside);
    }

    function announce(count) {
      if (count === 0) status.textContent = texts.none || "";
      else if (count === 1) status.textContent = texts.one || "";
      else status.textContent = (texts.many || "").replace("{count}", count);
    }

    function open(text) {
      matches = matching(text);
      active = -1;
      list.replaceChildren(
        ...matches.map((choice, index) => {
          const item = document.createElement("li");
          item.id = `${id}-option-${index}`;
          item.className = "combobox__option";
          item.setAttribute("role", "option");
          item.setAttribute("aria-selected", "false");
          item.textContent = choice.label;
          item.addEventListener("mousedown", (event) => event.preventDefault()); // keep focus in the box
          item.addEventListener("click", () => choose(choice));
          return item;
        }),
      );
      list.hidden = matches.length === 0;
      input.setAttribute("aria-expanded", String(!list.hidden));
      input.removeAttribute("aria-activedescendant");
      announce(matches.length);
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function move(step) {
      if (list.hidden) open(input.value);
      if (!matches.length) return;
      const items = list.children;
      if (active >= 0) {
        items[active].classList.remove("combobox__option--active");
        items[active].setAttribute("aria-selected", "false");
      }
      active = (active + step + matches.length) % matches.length;
      const item = items[active];
      item.classList.add("combobox__option--active");
      item.setAttribute("aria-selected", "true");
      item.scrollIntoView({ block: "nearest" });
      input.setAttribute("aria-activedescendant", item.id);
    }

    function choose(choice) {
      select.value = choice ? choice.value : "";
      input.value = choice ? choice.label : "";
      select.dispatchEvent(new Event("change", { bubbles: true }));
      close();
    }

    // Leaving the box keeps the option the arrow keys are on, or what the
    // text names (an exact or the only match), nothing when it is empty, and
    // otherwise the choice made before.
    function settle() {
      if (!list.hidden && active >= 0) return choose(matches[active]);
      const text = fold(input.value);
      if (!text) return choose(null);
      const found = matching(input.value);
      const exact = found.find((choice) => choice.folded === text);
      if (exact || found.length === 1) return choose(exact || found[0]);
      input.value = chosen()?.label || "";
      close();
    }

    input.addEventListener("input", () => open(input.value));
    input.addEventListener("click", () => {
      if (list.hidden) open(input.value === chosen()?.label ? "" : input.value);
    });
    input.addEventListener("blur", settle);
    input.addEventListener("keydown", (event) => {
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (event.altKey) open(input.value);
        else move(1);
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        move(-1);
      } else if (event.key === "Enter" && !list.hidden && active >= 0) {
        event.preventDefault();
        choose(matches[active]);
      } else if (event.key === "Escape" && !list.hidden) {
        event.preventDefault();
        event.stopPropagation();
        close();
      }
    });
  }

  function enhanceAll() {
    document.querySelectorAll("select[data-searchable]").forEach(enhance);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", enhanceAll);
  else enhanceAll();
})();
