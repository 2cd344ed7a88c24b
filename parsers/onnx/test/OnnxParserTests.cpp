#include <armnnOnnxParser/IOnnxParser.hpp>
#include <gtest/gtest.h>
TEST(OnnxParser, Creates) { auto p = armnnOnnxParser::IOnnxParser::Create(); EXPECT_NE(p.get(), nullptr); }
