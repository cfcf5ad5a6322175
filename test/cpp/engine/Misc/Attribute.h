// Stand-in for the engine's TAttribute (Core/Public/Misc/Attribute.h): a value or a getter bound to a lambda.
#pragma once
#include "CoreMinimal.h"

template <typename ObjectType>
class TAttribute
{
public:
	TAttribute() = default;
	TAttribute(const ObjectType& InInitialValue) : Value(InInitialValue) {}
	template <typename FunctorType>
	static TAttribute CreateLambda(FunctorType&& InFunctor)
	{
		TAttribute Out;
		Out.Getter = std::function<ObjectType()>(std::forward<FunctorType>(InFunctor));
		return Out;
	}
	const ObjectType& Get() const;

private:
	ObjectType Value{};
	std::function<ObjectType()> Getter;
};
