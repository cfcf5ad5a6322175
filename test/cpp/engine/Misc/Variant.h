#pragma once
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

class FVariant
{
public:
	FVariant();
	FVariant(const FVariant& Other);
	template <typename T> FVariant(T InValue);
	FVariant& operator=(const FVariant& Other);
	template <typename T> FVariant& operator=(const T& InValue);
	EVariantTypes GetType() const;
	bool IsEmpty() const;
	void Empty();
	template <typename T> T GetValue() const;
};
