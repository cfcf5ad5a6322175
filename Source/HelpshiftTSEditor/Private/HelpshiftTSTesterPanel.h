// The login tester tab's content: thin Slate over FHelpshiftTSEditorTester. Inputs keep their text in one
// FHelpshiftTSTesterInputs; each button sends one action with all of it; the read-only text shows the view state
// TypeScript last published. No tester logic here.
#pragma once

#include "CoreMinimal.h"
#include "HelpshiftTSEditorTester.h"

class SWidget;

/**
 * Inputs, buttons (Mint, Inspect, Log in, Log out, Add identities, App foreground, Push master attributes, Push app
 * attributes, Clear events) and the state text.
 */
TSharedRef<SWidget> MakeHelpshiftTSTesterPanel(const TSharedRef<FHelpshiftTSEditorTester>& Tester, const FHelpshiftTSTesterInputs& Initial);
