#pragma once
#include "CoreMinimal.h"

template <class CharType>
struct TCondensedJsonPrintPolicy
{
};
template <class CharType>
struct TPrettyJsonPrintPolicy
{
};
