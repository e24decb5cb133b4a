// Follow the night's stream; on each changed tie, fetch its card from the server and bring the
// page's card up to date, or add the card (under its competition's heading) for a tie that was
// not on the page yet. The score, who is through and the chances are polite live regions: their
// nodes are kept and only their contents change, so a screen reader announces the change.
(function () {
  "use strict";
  const main = document.getElementById("ties");
  const status = document.getElementById("status");
  const title = document.getElementById("title");
  if (!main || !main.dataset.stream || !window.EventSource) return;
  const latest = {};

  function parse(html) {
    const template = document.createElement("template");
    template.innerHTML = html.trim();
    return template.content.firstElementChild;
  }

  function copyAttributes(node, from) {
    for (const name of node.getAttributeNames()) {
      if (!from.hasAttribute(name)) node.removeAttribute(name);
    }
    for (const attribute of from.attributes) node.setAttribute(attribute.name, attribute.value);
  }

  // Bring `card` up to `fresh`, part by part (data-part): a live region keeps its node.
  function update(card, fresh) {
    copyAttributes(card, fresh);
    const old = new Map(Array.from(card.children).map((el) => [el.dataset.part, el]));
    let previous = null;
    for (const part of Array.from(fresh.children)) {
      const was = old.get(part.dataset.part);
      old.delete(part.dataset.part);
      let node = part;
      if (was && was.hasAttribute("aria-live")) {
        copyAttributes(was, part);
        if (was.innerHTML !== part.innerHTML) was.innerHTML = part.innerHTML;
        node = was;
      } else if (was) {
        was.replaceWith(part);
      } else if (previous) {
        previous.after(part);
      } else {
        card.prepend(part);
      }
      previous = node;
    }
    for (const gone of old.values()) gone.remove();
  }

  // The page is titled by the night's competitions, in the order of their sections.
  function retitle() {
    const names = Array.from(main.querySelectorAll("section.competition"), (s) => s.dataset.competition);
    const text = names.length ? names.join(" · ") : "matchday";
    if (title) {
      title.textContent = text;
      document.title = title.dataset.night ? text + " · " + title.dataset.night : text;
    }
  }

  // A card for a tie new to the page: into its competition's section (made when it is the
  // competition's first tie), in the order of the ties' ids, as the server lists them.
  function add(fresh) {
    const name = fresh.dataset.competition;
    let section = Array.from(main.querySelectorAll("section.competition")).find(
      (s) => s.dataset.competition === name
    );
    if (!section) {
      section = document.createElement("section");
      section.className = "competition";
      section.dataset.competition = name;
      const heading = document.createElement("h2");
      heading.textContent = name;
      const cards = document.createElement("div");
      cards.className = "cards";
      section.append(heading, cards);
      main.append(section);
      const empty = main.querySelector(".empty");
      if (empty) empty.remove();
      const roundUp = document.getElementById("round-up");
      if (roundUp) roundUp.hidden = false;
      retitle();
    }
    const cards = section.querySelector(".cards");
    const id = Number(fresh.dataset.tieId);
    const later = Array.from(cards.children).find((c) => Number(c.dataset.tieId) > id);
    cards.insertBefore(fresh, later || null);
  }

  async function refresh(tieId) {
    const ticket = (latest[tieId] = (latest[tieId] || 0) + 1);
    const response = await fetch("/cards/" + tieId, { cache: "no-store" });
    if (!response.ok) return;
    const text = await response.text();
    if (ticket !== latest[tieId]) return; // a newer refresh is on its way
    const fresh = parse(text);
    if (!fresh) return;
    const card = document.getElementById("tie-" + tieId);
    if (card) update(card, fresh);
    else add(fresh);
  }

  const source = new EventSource(main.dataset.stream);
  source.addEventListener("open", function () {
    main.dataset.connected = "yes";
    if (status) status.textContent = "live";
  });
  source.addEventListener("error", function () {
    main.dataset.connected = "no";
    if (status) status.textContent = "reconnecting…";
  });
  source.addEventListener("tie", function (message) {
    const tie = JSON.parse(message.data);
    refresh(tie.id);
    if (status) status.textContent = "updated " + new Date().toLocaleTimeString();
  });
})();
