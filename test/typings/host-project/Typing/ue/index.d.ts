// A game project's Typing/ue/index.d.ts as Puerts ships it: references to the hand-written `ue` helpers and to the
// declarations Puerts' generator writes for the project (fixture written for HelpshiftTS, shaped like Puerts').
/// <reference path="puerts.d.ts" />
/// <reference path="ue.d.ts" />
