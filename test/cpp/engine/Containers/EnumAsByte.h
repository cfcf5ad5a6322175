// Stand-in for the engine's Containers/EnumAsByte.h (included by CoreMinimal.h): an old-style enum stored in one
// byte, compared with and converted to its enum (FWorldContext::WorldType is a TEnumAsByte<EWorldType::Type>).
#pragma once

template <typename TEnum> class TEnumAsByte
{
public:
	TEnumAsByte() = default;
	TEnumAsByte(TEnum InValue) : Value(static_cast<unsigned char>(InValue)) {}
	TEnumAsByte& operator=(TEnum InValue)
	{
		Value = static_cast<unsigned char>(InValue);
		return *this;
	}
	bool operator==(TEnum InValue) const { return static_cast<TEnum>(Value) == InValue; }
	operator TEnum() const { return static_cast<TEnum>(Value); }
	TEnum GetValue() const { return static_cast<TEnum>(Value); }

private:
	unsigned char Value = 0;
};
