// Stand-in for the ToolMenus module (Developer/ToolMenus/Public/ToolMenus.h, ToolMenu.h, ToolMenuSection.h,
// ToolMenuOwner.h, UE 5.x): extending an editor menu with an entry, with the engine's signatures.
#pragma once
#include "CoreMinimal.h"
#include "Framework/Commands/UIAction.h"
#include "Misc/Attribute.h"
#include "Textures/SlateIcon.h"

enum class EUserInterfaceActionType : uint8 { None, Button, ToggleButton, RadioButton, Check, CollapsedButton };

/** Who registered menu entries (any pointer: the module), so they can be removed together. */
struct FToolMenuOwner
{
	FToolMenuOwner() = default;
	FToolMenuOwner(const void* InPointer) {}
	FToolMenuOwner(const FName InName) {}
};

/** Menu entries registered while this lives belong to its owner. */
struct FToolMenuOwnerScoped
{
	FToolMenuOwnerScoped(const FToolMenuOwner& InOwner) {}
};

struct FToolMenuInsert
{
};

/** What an entry does: a FUIAction (and, in the engine, other choices). */
struct FToolUIActionChoice
{
	FToolUIActionChoice() = default;
	FToolUIActionChoice(const FUIAction& InAction) : Action(InAction) {}
	FUIAction Action;
};

struct FToolMenuEntry
{
};

struct FToolMenuSection
{
	FToolMenuEntry& AddMenuEntry(const FName InName, const TAttribute<FText>& InLabel, const TAttribute<FText>& InToolTip, const TAttribute<FSlateIcon>& InIcon, const FToolUIActionChoice& InAction, const EUserInterfaceActionType UserInterfaceActionType = EUserInterfaceActionType::Button, const FName InTutorialHighlightName = NAME_None);
};

class UToolMenu : public UObject
{
public:
	FToolMenuSection& AddSection(const FName SectionName, const TAttribute<FText>& InLabel = TAttribute<FText>(), const FToolMenuInsert InPosition = FToolMenuInsert());
	FToolMenuSection& FindOrAddSection(const FName SectionName);
};

class UToolMenus : public UObject
{
public:
	static UToolMenus* Get();
	/** The menu named Name, extended (made empty if nobody registered it yet). */
	UToolMenu* ExtendMenu(const FName Name);
	/** Runs Delegate once the menus exist (at once if they already do). */
	static void RegisterStartupCallback(const FSimpleMulticastDelegate::FDelegate& Delegate);
	static void UnRegisterStartupCallback(const void* UserPointer);
	void UnregisterOwner(FToolMenuOwner Owner);
};
