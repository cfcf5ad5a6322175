// Stand-in for SlateCore's Framework/SlateDelegates.h: the delegates the editor tab binds.
#pragma once
#include "CoreMinimal.h"
#include "Input/Reply.h"

typedef TDelegate<FReply()> FOnClicked;
typedef TDelegate<void(const FText&)> FOnTextChanged;
