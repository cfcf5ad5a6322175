#pragma once
#include <any>

#include "CoreMinimal.h"

enum class EVariantTypes : int32
{
	Empty = 0,
	Ansichar = 1,
	Bool = 2,
	Box = 3,
	BoundingSphere = 4,
	ByteArray = 5,
	Color = 6,
	DateTime = 7,
	Double = 8,
	Enum = 9,
	Float = 10,
	Guid = 11,
	Int8 = 12,
	Int16 = 13,
	Int32 = 14,
	Int64 = 15,
	IntRect = 16,
	LinearColor = 17,
	Matrix = 18,
	Name = 19,
	Plane = 20,
	Quat = 21,
	RandomStream = 22,
	Rotator = 23,
	String = 24,
	Widechar = 25,
	Timespan = 26,
	Transform = 27,
	TwoVectors = 28,
	UInt8 = 29,
	UInt16 = 30,
	UInt32 = 31,
	UInt64 = 32,
	Vector = 33,
	Vector2d = 34,
	Vector4 = 35,
	IntPoint = 36,
	IntVector = 37,
	NetworkGUID = 38,
	Custom = 0x40
};

template <typename T> class TArray;
struct FGuid;

// Which types an FVariant may hold: those the engine gives a TVariantTraits specialization. The engine also
// lists its math and time types (FVector, FVector2D, FVector4, FRotator, FQuat, FTransform, FMatrix, FPlane,
// FBox, FSphere, FColor, FLinearColor, FIntPoint, FIntVector, FIntRect, FTwoVectors, FDateTime, FTimespan,
// FRandomStream, FNetworkGUID); these stand-ins do not declare those types, so code using them fails here on the
// type itself. Any other type (an enum, a struct of ours, TMap, a TArray other than bytes) has no traits: the
// engine's primary template is a static_assert, and so is this one.
template <typename T> struct TVariantTraits
{
	static constexpr EVariantTypes GetType()
	{
		static_assert(sizeof(T) == 0, "Variant trait must be specialized for this type: FVariant cannot hold it");
		return EVariantTypes::Empty;
	}
};
#define HS_VARIANT_TRAITS(Type, Tag) \
	template <> struct TVariantTraits<Type> \
	{ \
		static constexpr EVariantTypes GetType() { return EVariantTypes::Tag; } \
	}
HS_VARIANT_TRAITS(ANSICHAR, Ansichar);
HS_VARIANT_TRAITS(TCHAR, Widechar);
HS_VARIANT_TRAITS(bool, Bool);
HS_VARIANT_TRAITS(int8, Int8);
HS_VARIANT_TRAITS(int16, Int16);
HS_VARIANT_TRAITS(int32, Int32);
HS_VARIANT_TRAITS(int64, Int64);
HS_VARIANT_TRAITS(uint8, UInt8);
HS_VARIANT_TRAITS(uint16, UInt16);
HS_VARIANT_TRAITS(uint32, UInt32);
HS_VARIANT_TRAITS(uint64, UInt64);
HS_VARIANT_TRAITS(float, Float);
HS_VARIANT_TRAITS(double, Double);
HS_VARIANT_TRAITS(FString, String);
HS_VARIANT_TRAITS(FName, Name);
HS_VARIANT_TRAITS(FGuid, Guid);
HS_VARIANT_TRAITS(TArray<uint8>, ByteArray);
#undef HS_VARIANT_TRAITS

// Holds one value of a type with TVariantTraits. GetValue<T> of any other type than the one held is a check()
// failure, as in the engine (the one exception, also the engine's: uint8 from an Enum variant).
class FVariant
{
public:
	FVariant() = default;
	FVariant(const FVariant& Other) = default;
	FVariant(const TCHAR* InString) : FVariant(FString(InString)) {}
	template <typename T> FVariant(T InValue) : Type(TVariantTraits<T>::GetType()), Value(std::move(InValue)) {}
	FVariant& operator=(const FVariant& Other) = default;
	FVariant& operator=(const TCHAR* InString) { return *this = FString(InString); }
	template <typename T> FVariant& operator=(T InValue)
	{
		Type = TVariantTraits<T>::GetType();
		Value = std::move(InValue);
		return *this;
	}
	EVariantTypes GetType() const { return Type; }
	bool IsEmpty() const { return Type == EVariantTypes::Empty; }
	void Empty()
	{
		Type = EVariantTypes::Empty;
		Value.reset();
	}
	template <typename T> T GetValue() const
	{
		check((GetType() == TVariantTraits<T>::GetType()) ||
			((TVariantTraits<T>::GetType() == EVariantTypes::UInt8) && (GetType() == EVariantTypes::Enum)));
		return std::any_cast<T>(Value);
	}

private:
	EVariantTypes Type = EVariantTypes::Empty;
	std::any Value;
};
