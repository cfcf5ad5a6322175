// Stand-in for UMG's UButton (Components/Button.h): OnClicked is the engine's dynamic multicast delegate (bind
// a UFUNCTION with AddDynamic); the harness clicks with OnClicked.Broadcast(), as SlateHandleClicked does.
#pragma once
#include "Components/ContentWidget.h"

DECLARE_DYNAMIC_MULTICAST_DELEGATE(FOnButtonClickedEvent);

class UButton : public UContentWidget
{
public:
	static UClass* StaticClass() { static UClass Class; return &Class; }
	/** Called when the button is clicked. */
	FOnButtonClickedEvent OnClicked;
};
