#pragma once
#include "CoreMinimal.h"

class UGameInstance : public UObject
{
public:
	template <typename TSubsystemClass> TSubsystemClass* GetSubsystem() const;
	struct FWorldContext* GetWorldContext() const;
};
