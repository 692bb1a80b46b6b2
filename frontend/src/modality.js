// Modalities in the order the timeline stacks them, each with its colour: what happened on
// top, then what is due (planned, expected, predicted), then what is only said or asked.

export const MODALITIES = [
  ["occurred", "#1f4e9c"],
  ["planned", "#1b8a4b"],
  ["expected", "#16a3a3"],
  ["predicted", "#7b4fc9"],
  ["hypothetical", "#8a8a8a"],
  ["requested", "#e08a00"],
  ["threatened", "#d0312d"],
  ["alleged", "#c2549b"],
  ["denied", "#7a4b2a"],
  ["negated", "#222222"],
];

export const COLOUR = Object.fromEntries(MODALITIES);
export const LANE = Object.fromEntries(MODALITIES.map(([m], i) => [m, i]));

// Modalities of what has not happened (yet): drawn hollow.
export const UNREAL = new Set(["hypothetical", "negated", "denied"]);

export const TYPES = [
  "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
  "OTHER",
];
