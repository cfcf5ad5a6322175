// Stand-in for SlateCore's FReply (Input/Reply.h): what an event handler answers.
#pragma once
#include "CoreMinimal.h"

class FReply
{
public:
	static FReply Handled();
	static FReply Unhandled();
};
