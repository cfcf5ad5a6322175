#pragma once
#include "CoreMinimal.h"
#include "Widgets/SlateStub.h"

enum ETabRole : uint8
{
	MajorTab,
	PanelTab,
	NomadTab,
	DocumentTab,
	NumRoles
};

class SDockTab : public SWidget
{
public:
	struct FArguments : TSlateArgumentsStub<SDockTab>
	{
		FArguments& TabRole(ETabRole InRole);
		FArguments& operator[](const TSharedRef<SWidget>& InContent);
	};
};
