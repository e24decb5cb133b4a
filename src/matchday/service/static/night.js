// Follow the night's stream; on each changed tie, fetch its card from the server and swap it in.
(function () {
  "use strict";
  const main = document.getElementById("ties");
  const status = document.getElementById("status");
  if (!main || !main.dataset.stream || !window.EventSource) return;
  const latest = {};

  async function refresh(tieId) {
    const ticket = (latest[tieId] = (latest[tieId] || 0) + 1);
    const response = await fetch("/cards/" + tieId, { cache: "no-store" });
    if (!response.ok || ticket !== latest[tieId]) return; // a newer refresh is on its way
    const card = document.getElementById("tie-" + tieId);
    if (card) card.outerHTML = await response.text();
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
