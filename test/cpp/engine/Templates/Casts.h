// The engine's Cast<T> (Templates/Casts.h): null for null or an object of another class. Declared only.
#pragma once
#include "CoreMinimal.h"

template <typename To, typename From>
To* Cast(From* Src);
