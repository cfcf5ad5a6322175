#pragma once
#include "CoreMinimal.h"
#include "Dom/JsonValue.h"

class FJsonObject
{
public:
	TMap<FString, TSharedPtr<FJsonValue>> Values;
	void SetField(const FString& FieldName, const TSharedPtr<FJsonValue>& Value);
	void SetStringField(const FString& FieldName, const FString& StringValue);
	void SetNumberField(const FString& FieldName, double Number);
	void SetBoolField(const FString& FieldName, bool InValue);
	void SetArrayField(const FString& FieldName, const TArray<TSharedPtr<FJsonValue>>& Array);
	void SetObjectField(const FString& FieldName, const TSharedPtr<FJsonObject>& JsonObject);
	bool TryGetStringField(const FString& FieldName, FString& OutString) const;
};
