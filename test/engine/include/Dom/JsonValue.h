// RUNNABLE overlay of test/cpp/engine/Dom/JsonValue.h: the values hold what they were made with.
#pragma once
#include "CoreMinimal.h"

class FJsonObject;

enum class EJson
{
	None,
	Null,
	String,
	Number,
	Boolean,
	Array,
	Object
};

class FJsonValue
{
public:
	virtual ~FJsonValue() = default;
	virtual FString AsString() const;
	virtual double AsNumber() const;
	virtual bool AsBool() const;
	virtual const TArray<TSharedPtr<FJsonValue>>& AsArray() const;
	virtual const TSharedPtr<FJsonObject>& AsObject() const;
	virtual bool TryGetString(FString& OutString) const;
	bool IsNull() const;
	EJson Type = EJson::None;

protected:
	FString HsString;
	double HsNumber = 0;
	bool HsBool = false;
	TArray<TSharedPtr<FJsonValue>> HsArray;
	TSharedPtr<FJsonObject> HsObject;
};

class FJsonValueString : public FJsonValue
{
public:
	FJsonValueString(const FString& InString);
};
class FJsonValueNumber : public FJsonValue
{
public:
	FJsonValueNumber(double InNumber);
};
class FJsonValueBoolean : public FJsonValue
{
public:
	FJsonValueBoolean(bool InBool);
};
class FJsonValueNull : public FJsonValue
{
public:
	FJsonValueNull();
};
class FJsonValueArray : public FJsonValue
{
public:
	FJsonValueArray(const TArray<TSharedPtr<FJsonValue>>& InArray);
};
class FJsonValueObject : public FJsonValue
{
public:
	FJsonValueObject(TSharedPtr<FJsonObject> InObject);
};
